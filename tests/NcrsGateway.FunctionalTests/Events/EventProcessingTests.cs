using System.Net;
using NcrsGateway.Events.Inbox;
using NcrsGateway.FunctionalTests.ClinicalContext;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace NcrsGateway.FunctionalTests.Events;

/// <summary>The worker on a real gateway: clinical-safety rules, coalescing, ordering, retries and dead-letter.</summary>
public sealed class EventProcessingTests
{
    [Fact]
    public async Task DeathEvent_CancelsTheOpenSelection_AndTheNextLaunchIsRefused()
    {
        await using var gateway = await EventsGateway.StartAsync();
        using var clinician = new ClinicalContextClient(gateway.Host, TestTokens.Clinician, "ws-death");
        var token = await clinician.SelectTokenAsync(SandboxPatients.Search);

        await gateway.SendAsync(EventsGateway.Event("death-1", "pds-death-notification-2", SandboxPatients.Search));
        var row = Assert.Single(await gateway.SettledAsync());
        var launch = await clinician.LaunchAsync(token);

        Assert.Equal(InboxStatus.Processed, row.Status);
        Assert.Equal(HttpStatusCode.Conflict, launch.Status);
        Assert.Equal("selection-cancelled", launch.ErrorCode);
        Assert.Contains("confirm them", launch.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordChange_LeavesOpenSelectionsAlone()
    {
        await using var gateway = await EventsGateway.StartAsync();
        using var clinician = new ClinicalContextClient(gateway.Host, TestTokens.Clinician, "ws-change");
        var token = await clinician.SelectTokenAsync(SandboxPatients.Search);

        await gateway.SendAsync(EventsGateway.Event("change-1", "pds-record-change-2", SandboxPatients.Search));
        await gateway.SettledAsync();

        Assert.Equal(HttpStatusCode.OK, (await clinician.LaunchAsync(token)).Status);
    }

    [Fact]
    public async Task Burst_OfDeathEventsForOnePatient_RefetchesOnce()
    {
        await using var gateway = await EventsGateway.StartAsync();

        await gateway.SendAsync([.. Enumerable.Range(0, 6).Select(i => EventsGateway.Event($"burst-{i}", "pds-death-notification-2", SandboxPatients.Search, version: 4 + i))]);
        var rows = await gateway.SettledAsync();

        Assert.Equal(6, rows.Count(r => r.Status == InboxStatus.Processed));
        Assert.Equal(1, gateway.PdsRefetchesFor(SandboxPatients.Search));
    }

    [Fact]
    public async Task OlderVersionArrivingLate_IsCoveredAndRefetchesNothing()
    {
        await using var gateway = await EventsGateway.StartAsync();
        await gateway.SendAsync(EventsGateway.Event("new", "pds-death-notification-2", SandboxPatients.Search, version: 7));
        await gateway.SettledAsync();

        await gateway.SendAsync(EventsGateway.Event("old", "pds-death-notification-2", SandboxPatients.Search, version: 5));
        var late = (await gateway.SettledAsync()).Single(r => r.ExternalId == "old");

        Assert.Equal(InboxStatus.Processed, late.Status);
        Assert.StartsWith("covered", late.LastError, StringComparison.Ordinal);
        Assert.Equal(1, gateway.PdsRefetchesFor(SandboxPatients.Search));
    }

    [Fact]
    public async Task NhsNumberChange_RefetchesAndEvictsBothNumbers()
    {
        await using var gateway = await EventsGateway.StartAsync();

        await gateway.SendAsync(EventsGateway.Event("nnc-1", "nhs-number-change-2", SandboxPatients.SupersededOld));
        var row = Assert.Single(await gateway.SettledAsync());

        Assert.Equal(InboxStatus.Processed, row.Status);
        Assert.Equal("re-fetched: the NHS number is superseded; both numbers evicted and their open selections cancelled", row.LastError);
    }

    [Fact]
    public async Task NhsNumberChange_CancelsTheOldNumbersSelection_AndEvictsBothNumbersCachedRecords()
    {
        await using var gateway = await EventsGateway.StartAsync();
        using var clinician = new ClinicalContextClient(gateway.Host, TestTokens.Clinician, "ws-nnc");
        using var reader = gateway.Host.CreateClient(TestTokens.Mint(TestTokens.Clinician, "ws-nnc-read"));
        var oldBefore = await RetrievedAtAsync(reader, SandboxPatients.SupersededOld);
        var currentBefore = await RetrievedAtAsync(reader, SandboxPatients.Search);
        var selection = await clinician.SelectTokenAsync(SandboxPatients.SupersededOld);

        await gateway.SendAsync(EventsGateway.Event("nnc-both", "nhs-number-change-2", SandboxPatients.SupersededOld));
        await gateway.SettledAsync();
        var launch = await clinician.LaunchAsync(selection);

        Assert.Equal(HttpStatusCode.Conflict, launch.Status);
        Assert.Equal("selection-cancelled", launch.ErrorCode);
        Assert.NotEqual(oldBefore, await RetrievedAtAsync(reader, SandboxPatients.SupersededOld));
        Assert.NotEqual(currentBefore, await RetrievedAtAsync(reader, SandboxPatients.Search));
    }

    /// <summary>The read's X-Retrieved-At, after checking a second read is served from the cache (the same value).</summary>
    private static async Task<string> RetrievedAtAsync(HttpClient client, string nhsNumber)
    {
        async Task<string> ReadAsync()
        {
            using var response = await client.GetAsync($"fhir/Patient/{nhsNumber}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"read answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return response.Headers.GetValues("X-Retrieved-At").Single();
        }

        var first = await ReadAsync();
        Assert.Equal(first, await ReadAsync());
        return first;
    }

    [Fact]
    public async Task UpstreamKeepsFailing_EventRetriesThenGoesToDeadLetterWithTheReason()
    {
        await using var gateway = await EventsGateway.StartAsync(new Dictionary<string, string?> { ["Events:MaxAttempts"] = "2" });
        gateway.Sandbox.Server.Given(Request.Create().WithPath(new WildcardMatcher($"/*{SandboxPatients.Minimal}*"))).AtPriority(-100)
            .RespondWith(Response.Create().WithStatusCode(500));

        await gateway.SendAsync(EventsGateway.Event("fails", "pds-death-notification-2", SandboxPatients.Minimal));
        var row = Assert.Single(await gateway.SettledAsync());

        Assert.Equal(InboxStatus.DeadLetter, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.StartsWith("upstream-", row.LastError, StringComparison.Ordinal);
    }
}
