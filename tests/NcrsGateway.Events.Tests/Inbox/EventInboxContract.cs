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

    /// <summary>Opens the test's database (the same one on every call).</summary>
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

    [Fact]
    public async Task Claim_ByTwoInstancesAtOnce_NeverHandsOutTheSameEventTwice()
    {
        var events = Enumerable.Range(0, 200).Select(i => Single("c-" + i, "s", subject: Patients[i % Patients.Length]).Accepted[0]).ToList();
        await Inbox.StoreAsync(new ParsedDelivery(events, [], true, "test"), Received, TimeSpan.Zero, CancellationToken.None);
        await using var secondInstance = await OpenStoreAsync(); // the same database, as a second gateway instance opens it
        var other = new EventInbox(secondInstance, Protector);

        var claims = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                var inbox = i % 2 == 0 ? Inbox : other;
                var mine = new List<InboxRow>();
                while (await inbox.ClaimAsync("owner-" + i, 7, Received.AddSeconds(1), TimeSpan.FromMinutes(1), CancellationToken.None) is { Count: > 0 } rows)
                {
                    mine.AddRange(rows);
                }

                return mine;
            })));

        var all = claims.SelectMany(c => c).Select(r => r.ExternalId).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Claim_TakesEveryDueEventOfTheClaimedPatientsTogether()
    {
        var events = Enumerable.Range(0, 12).Select(i => Single("p-" + i, "s", subject: Patients[i % 3]).Accepted[0]).ToList();
        await Inbox.StoreAsync(new ParsedDelivery(events, [], true, "test"), Received, TimeSpan.Zero, CancellationToken.None);

        var claimed = await Inbox.ClaimAsync("owner", 1, Received.AddSeconds(1), TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(4, claimed.Count);
        Assert.Single(claimed.Select(r => Convert.ToHexString(r.SubjectHash!)).Distinct());
    }

    [Fact]
    public async Task Claim_LeasedEvent_IsNotClaimedAgainUntilTheLeaseRunsOut()
    {
        await Inbox.StoreAsync(Single("lease", "s"), Received, TimeSpan.Zero, CancellationToken.None);

        var first = await Inbox.ClaimAsync("a", 10, Received.AddSeconds(1), TimeSpan.FromMinutes(1), CancellationToken.None);
        var during = await Inbox.ClaimAsync("b", 10, Received.AddSeconds(30), TimeSpan.FromMinutes(1), CancellationToken.None);
        var after = await Inbox.ClaimAsync("b", 10, Received.AddMinutes(2), TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Single(first);
        Assert.Empty(during);
        Assert.Equal(2, Assert.Single(after).Attempts);
    }

    private static readonly string[] Patients = ["9000000009", "9000000017", "9000000025", "9000000033"];

    private static ParsedDelivery Parse(string payload, string contentType) => EventParser.Parse(Payloads.Read(payload), contentType, 100);

    private static ParsedDelivery Single(string id, string source, string subject = "9000000017") => EventParser.Parse(
        Encoding.UTF8.GetBytes($$"""{"specversion":"1.0","id":"{{id}}","source":"{{source}}","type":"pds-record-change-2","subject":"{{subject}}"}"""),
        "application/cloudevents+json",
        1);
}
