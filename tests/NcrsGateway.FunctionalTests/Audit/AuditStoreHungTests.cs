using System.Diagnostics;
using System.Net;
using NcrsGateway.FunctionalTests.ClinicalContext;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;
using Xunit.Abstractions;
using static NcrsGateway.FunctionalTests.Audit.AuditJournalDiskTests;

namespace NcrsGateway.FunctionalTests.Audit;

/// <summary>
/// The PostgreSQL audit store hung, not stopped: every process of a real server SIGSTOPped, so connections stay
/// open and nothing answers (the connection string is the fixture's, Timeout=15, as an operator might leave it).
/// Readiness still answers, Degraded, inside a 1 s probe's budget (checked with a generous client bound: before the
/// fix it took over a minute); $select, $ncrs-launch and AuditEvent search are refused with 503 audit-unavailable,
/// Retry-After and a next step, within their configured bounds; reads go on through the journal; the user's selection
/// survives the refused $select and the refused launch and opens NCRS once the store is back. The server is resumed
/// in cleanup whatever happens.
/// </summary>
public sealed class AuditStoreHungTests(ITestOutputHelper output)
{
    /// <summary>A bound no healthy answer comes near and a hung one always exceeds: a liveness bound, not a speed test.</summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task StoreHung_ReadinessDegraded_SelectLaunchAndSearchRefusedWithRetryAfter_SelectionKeptForWhenItIsBack()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await using var host = await GatewayHost.StartWithSimulatorsAsync(new Dictionary<string, string?> // the sandbox never uses PostgreSQL
        {
            ["Audit:Provider"] = "Postgres",
            ["Audit:PostgresConnectionString"] = database,
            ["Audit:FlushInterval"] = "00:00:00.020",
            ["Audit:CommitTimeout"] = "00:00:01",
            ["Audit:SearchTimeout"] = "00:00:02",
            ["RateLimits:Enabled"] = "false",
        });
        using var selecting = new ClinicalContextClient(host, TestTokens.Clinician, "ws-store-hung") { Timeout = AnswerBound };
        using var probe = host.CreateClient();
        probe.Timeout = AnswerBound;
        using var auditor = host.CreateClient(TestTokens.Mint(TestTokens.Auditor));
        auditor.Timeout = AnswerBound;
        using var reader = Client(host);
        var token = await selecting.SelectTokenAsync(SandboxPatients.Search);
        Assert.Equal("Healthy", await probe.GetStringAsync("health/ready"));

        postgres.Pause();
        try
        {
            var ready = await TimedAsync("readiness", () => probe.GetStringAsync("health/ready"));
            var select = await TimedAsync("$select", () => selecting.SelectAsync(SandboxPatients.Minimal));
            var launch = await TimedAsync("$ncrs-launch", () => selecting.LaunchAsync(token));
            using var search = await TimedAsync("AuditEvent search", () => auditor.GetAsync($"fhir/AuditEvent?agent={TestTokens.Clinician.UserId}"));
            var acknowledged = new List<string>();
            var read = await ReadAsync(reader, acknowledged);

            Assert.Equal("Degraded", ready);
            NcrsLaunchTests.AssertRefused(select, HttpStatusCode.ServiceUnavailable, "audit-unavailable");
            NcrsLaunchTests.AssertRefused(launch, HttpStatusCode.ServiceUnavailable, "audit-unavailable");
            Assert.NotNull(select.RetryAfter);
            Assert.NotNull(launch.RetryAfter);
            var searchText = await FhirAssert.OutcomeAsync(search, HttpStatusCode.ServiceUnavailable, "audit-unavailable");
            Assert.NotNull(search.Headers.RetryAfter?.Delta);
            Assert.DoesNotContain("select", searchText, StringComparison.OrdinalIgnoreCase); // an auditor has no patient to select
            Assert.Equal(HttpStatusCode.OK, read); // reads are journalled
        }
        finally
        {
            postgres.Resume();
        }

        // The store is back: the selection made before the outage was neither superseded by the refused $select nor
        // burnt by the refused launch.
        Assert.Equal(SandboxPatients.Search, NcrsLaunchTests.LinkedNumber(await selecting.LaunchAsync(token)));
    }

    private async Task<T> TimedAsync<T>(string what, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        output.WriteLine($"{what} answered in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms with the store hung");
        return result;
    }
}
