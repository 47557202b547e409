using System.Text;
using NcrsGateway.Events.Inbox;
using NcrsGateway.Events.Ingestion;
using NcrsGateway.Storage;

namespace NcrsGateway.Events.Tests.Inbox;

/// <summary>What the inbox promises on every provider; subclassed for SQLite and PostgreSQL.</summary>
public abstract class EventInboxContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Received = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private RelationalStore? _store;

    internal TestPatientProtector Protector { get; } = new();

    internal EventInbox Inbox { get; private set; } = null!;

    protected abstract Task<RelationalStore> OpenStoreAsync();

    /// <summary>Every stored value, as text, for "never in plain" checks.</summary>
    protected abstract Task<string> DumpAsync();

    public virtual async Task InitializeAsync()
    {
        _store = await OpenStoreAsync();
        Inbox = new EventInbox(_store, Protector);
    }

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Store_SameDeliveryTwice_StoresEachEventOnceAndAcknowledgesTheDuplicates()
    {
        var delivery = Parse("batch-mixed.cloudevents.json", "application/cloudevents-batch+json");

        var first = await Inbox.StoreAsync(delivery, Received, TimeSpan.FromSeconds(2), CancellationToken.None);
        var second = await Inbox.StoreAsync(delivery, Received.AddMinutes(1), TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.Equal(new StoreOutcome(2, 0, 1), first);
        Assert.Equal(new StoreOutcome(0, 2, 1), second);
        Assert.Equal(2, (await Inbox.ListAsync(new InboxQuery(null, null), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Store_SameIdFromAnotherSource_IsADifferentEvent()
    {
        await Inbox.StoreAsync(Single("a", "https://sender.one"), Received, TimeSpan.Zero, CancellationToken.None);
        var other = await Inbox.StoreAsync(Single("a", "https://sender.two"), Received, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(1, other.Stored);
    }

    [Fact]
    public async Task Store_InvalidEvent_IsKeptInTheRejectedTableWithItsReason()
    {
        await Inbox.StoreAsync(Parse("batch-mixed.cloudevents.json", "application/cloudevents-batch+json"), Received, TimeSpan.Zero, CancellationToken.None);

        var rejected = Assert.Single(await Inbox.ListRejectedAsync(null, 10, CancellationToken.None));
        Assert.Equal("0b7d1c52-5d53-4c8e-8a35-2f4f1f0c2a11", rejected.ExternalId);
        Assert.Equal(1, rejected.Position);
        Assert.Contains("not a valid NHS number", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_UnknownType_IsStoredAsIgnoredAndKnownTypesWaitTheCoalesceWindow()
    {
        await Inbox.StoreAsync(Parse("batch-mixed.cloudevents.json", "application/cloudevents-batch+json"), Received, TimeSpan.FromSeconds(2), CancellationToken.None);

        var rows = await Inbox.ListAsync(new InboxQuery(null, null), CancellationToken.None);
        var ignored = Assert.Single(rows, r => r.Type == "patientflags-change-1");
        Assert.Equal(InboxStatus.Ignored, ignored.Status);
        var pending = Assert.Single(rows, r => r.Type == "pds-change-of-gp-2");
        Assert.Equal(InboxStatus.Pending, pending.Status);
        Assert.Equal(Received.AddSeconds(2), pending.NextAttempt);
        Assert.Equal(Received, pending.Received);
    }

    [Fact]
    public async Task Store_Subject_IsKeptOnlyAsKeyedHashAndRowBoundCiphertext()
    {
        await Inbox.StoreAsync(Parse("death-2.cloudevent.json", "application/cloudevents+json"), Received, TimeSpan.Zero, CancellationToken.None);

        var row = Assert.Single(await Inbox.ListAsync(new InboxQuery(InboxStatus.Pending, null), CancellationToken.None));
        Assert.DoesNotContain("9000000009", await DumpAsync(), StringComparison.Ordinal);
        Assert.Equal(Protector.Hash(Core.NhsNumber.TryParse("9000000009", out var n) ? n : default), row.SubjectHash);
        Assert.Equal("9000000009", Protector.Decrypt(row.SubjectCipher!, row.Id).Value);
        Assert.Equal(3, row.VersionId);
    }

    [Fact]
    public async Task List_BySinceAndStatus_ReturnsOnlyMatchingRowsNewestFirst()
    {
        await Inbox.StoreAsync(Single("early", "s"), Received, TimeSpan.Zero, CancellationToken.None);
        await Inbox.StoreAsync(Single("late", "s"), Received.AddHours(1), TimeSpan.Zero, CancellationToken.None);

        var rows = await Inbox.ListAsync(new InboxQuery(InboxStatus.Pending, Received.AddMinutes(30)), CancellationToken.None);

        Assert.Equal(["late"], rows.Select(r => r.ExternalId));
    }

    private static ParsedDelivery Parse(string payload, string contentType) => EventParser.Parse(Payloads.Read(payload), contentType, 100);

    private static ParsedDelivery Single(string id, string source) => EventParser.Parse(
        Encoding.UTF8.GetBytes($$"""{"specversion":"1.0","id":"{{id}}","source":"{{source}}","type":"pds-record-change-2","subject":"9000000017"}"""),
        "application/cloudevents+json",
        1);
}
