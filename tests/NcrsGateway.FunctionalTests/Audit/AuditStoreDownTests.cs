using System.Net;
using NcrsGateway.FunctionalTests.ClinicalContext;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;
using static NcrsGateway.FunctionalTests.Audit.AuditJournalDiskTests;

namespace NcrsGateway.FunctionalTests.Audit;

/// <summary>
/// The PostgreSQL audit store (a real server process) stopped and started under a gateway on real Kestrel: the
/// gateway starts without it, keeps reads in the journal, refuses selections/launches, backs off logging one line,
/// and drains as soon as the store is back. Log lines are counted, nothing is timed.
/// </summary>
public sealed class AuditStoreDownTests
{
    private const string TrailCategory = "NcrsGateway.Audit.AuditTrail";

    [Fact]
    public async Task StoreDownAtStart_GatewayStartsDegraded_RefusesSelection_ThenDrainsOnTheFirstProbeAfterItReturns()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await postgres.StopAsync();
        var settings = Settings(database, retry: "00:10:00", maxRetry: "00:10:00"); // only a successful probe can wake the writer

        await using var host = await GatewayHost.StartWithSimulatorsAsync(settings); // the sandbox never uses PostgreSQL
        using var clinician = Client(host);
        using var selecting = new ClinicalContextClient(host, TestTokens.Clinician, "ws-store-down");

        Assert.Equal("Degraded", await ReadyAsync(host));
        var acknowledged = new List<string>();
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(clinician, acknowledged)); // journalled
        var refused = await selecting.SelectAsync(SandboxPatients.Search);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "audit-unavailable"), (refused.Status, refused.ErrorCode));

        await postgres.StartAgainAsync();
        await ReadyAsync(host); // the probe that finds the store back wakes the writer (its backoff is ten minutes)
        await WaitForLineAsync(host, "Audit store back");

        Assert.Equal(0, ((NcrsGateway.Audit.AuditTrail)host.Services.GetService(typeof(NcrsGateway.Audit.AuditTrail))!).PendingCount);
        var launch = await selecting.LaunchAsync(await selecting.SelectTokenAsync(SandboxPatients.Search));
        Assert.Equal(HttpStatusCode.OK, launch.Status);
        var stored = await StoredCorrelationIdsAsync(host);
        Assert.DoesNotContain(acknowledged, id => !stored.Contains(id));
        Assert.Single(ErrorLines(host));
    }

    [Fact]
    public async Task StoreStopped_FlushRetriesBackOffWithOneErrorLine_AndTheBacklogDrainsWhenItReturns()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await using var host = await GatewayHost.StartWithSimulatorsAsync(Settings(database, retry: "00:00:00.020", maxRetry: "00:00:00.080"));
        using var clinician = Client(host);
        var acknowledged = new List<string>();
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(clinician, acknowledged));

        await postgres.StopAsync();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await ReadAsync(clinician, acknowledged)); // reads go on from the journal
        }

        // Enough failed retries to have logged one error line each under today's code.
        await WaitUntilAsync(() => RetryLines(host).Count >= 5 || ErrorLines(host).Count >= 2, "five failed retries");
        Assert.Single(ErrorLines(host));
        Assert.Contains("Audit store lost", ErrorLines(host)[0], StringComparison.Ordinal);

        await postgres.StartAgainAsync();
        await WaitForLineAsync(host, "Audit store back");

        var stored = await StoredCorrelationIdsAsync(host);
        Assert.DoesNotContain(acknowledged, id => !stored.Contains(id));
        Assert.Single(ErrorLines(host));
    }

    private static Dictionary<string, string?> Settings(string connectionString, string retry, string maxRetry) => new()
    {
        ["Audit:Provider"] = "Postgres",
        ["Audit:PostgresConnectionString"] = connectionString,
        ["Audit:FlushInterval"] = "00:00:00.020",
        ["Audit:RetryDelay"] = retry,
        ["Audit:MaxRetryDelay"] = maxRetry,
        [$"Logging:LogLevel:{TrailCategory}"] = "Debug", // the per-retry lines are debug only
    };

    private static async Task<string> ReadyAsync(GatewayHost host)
    {
        using var http = host.CreateClient();
        return await http.GetStringAsync("health/ready");
    }

    private static List<string> ErrorLines(GatewayHost host) =>
        host.Logs.Lines.Where(l => l.StartsWith($"Error {TrailCategory} ", StringComparison.Ordinal)).ToList();

    private static List<string> RetryLines(GatewayHost host) =>
        host.Logs.Lines.Where(l => l.StartsWith($"Debug {TrailCategory} ", StringComparison.Ordinal) && l.Contains("still unavailable", StringComparison.Ordinal)).ToList();

    private static Task WaitForLineAsync(GatewayHost host, string text) =>
        WaitUntilAsync(() => host.Logs.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)), text);

    /// <summary>A liveness wait (the condition is what is asserted, not the time it takes); gives up after a minute.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), $"never saw: {what}");
    }
}
