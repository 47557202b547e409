using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Audit;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.FunctionalTests.ClinicalContext;

/// <summary>
/// Selections live in a real, shared redis-server. When it is killed or hung (SIGSTOP: connected, never
/// answering), <c>$select</c> and <c>$ncrs-launch</c> answer 503 selection-unavailable, never 500, with exactly
/// one failure row per attempt, and readiness says Degraded. Waits are bounded generously; nothing is timed.
/// </summary>
public sealed class SelectionRedisOutageTests : IAsyncLifetime
{
    private readonly InMemoryAuditTrail _audit = new();
    private RedisServer _redis = null!;
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        var settings = TestTokens.Settings();
        settings["Redis:Configuration"] = _redis.Configuration;
        settings["Redis:InstanceName"] = "s" + Guid.NewGuid().ToString("N")[..8] + ":";
        settings["Redis:OperationTimeout"] = "00:00:01";
        settings["Cache:KeyHashSecret"] = "functional-test-key-hash-secret-0123456789";
        settings["RateLimits:Enabled"] = "false";
        _host = await GatewayHost.StartWithSimulatorsAsync(settings, builder => builder.Services.AddSingleton<IAuditTrail>(_audit)); // the sandbox never uses Redis
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task SelectAndLaunch_RedisKilled_Answer503WithOneFailureRowEach()
    {
        using var clinician = new ClinicalContextClient(_host, TestTokens.Clinician, "ws-redis-killed");
        var token = await clinician.SelectTokenAsync(SandboxPatients.Search);
        var before = _audit.Records.Count;

        _redis.Kill();
        var select = await clinician.SelectAsync(SandboxPatients.Minimal);
        var launch = await clinician.LaunchAsync(token);

        NcrsLaunchTests.AssertRefused(select, HttpStatusCode.ServiceUnavailable, "selection-unavailable");
        Assert.Contains("Select the patient again in a moment", select.ErrorText, StringComparison.Ordinal);
        NcrsLaunchTests.AssertRefused(launch, HttpStatusCode.ServiceUnavailable, "selection-unavailable");
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)), (select.RetryAfter, launch.RetryAfter)); // every 503 says when to retry
        var rows = _audit.Records.Skip(before).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal((AuditActions.PatientSelect, AuditOutcome.Failure, "selection-unavailable", "POST 503"), (rows[0].Action, rows[0].Outcome, rows[0].FailureCode, rows[0].Detail));
        Assert.Equal((AuditActions.NcrsLaunch, AuditOutcome.Failure, "selection-unavailable", "POST 503"), (rows[1].Action, rows[1].Outcome, rows[1].FailureCode, rows[1].Detail));
        Assert.Equal("Degraded", await ReadinessAsync());
    }

    [Fact]
    public async Task SelectAndLaunch_RedisHung_Answer503AndReadinessDegraded_ThenRecover()
    {
        using var clinician = new ClinicalContextClient(_host, TestTokens.Clinician, "ws-redis-hung");
        var token = await clinician.SelectTokenAsync(SandboxPatients.Search);
        Assert.Equal("Healthy", await ReadinessAsync());

        _redis.Pause();
        try
        {
            Assert.Equal("Degraded", await ReadinessAsync()); // the ping is bounded by Redis:OperationTimeout
            var before = _audit.Records.Count;
            var answers = new List<ClinicalContextClient.Answer>();
            for (var i = 0; i < 3; i++)
            {
                answers.Add(await clinician.SelectAsync(SandboxPatients.Minimal));
            }

            answers.Add(await clinician.LaunchAsync(token));

            Assert.All(answers, a => NcrsLaunchTests.AssertRefused(a, HttpStatusCode.ServiceUnavailable, "selection-unavailable"));
            var rows = _audit.Records.Skip(before).ToList();
            Assert.Equal(4, rows.Count);
            Assert.All(rows, r => Assert.Equal((AuditOutcome.Failure, "selection-unavailable"), (r.Outcome, r.FailureCode)));
            Assert.Equal("Degraded", await ReadinessAsync());
        }
        finally
        {
            _redis.Resume();
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        ClinicalContextClient.Answer again;
        do
        {
            await Task.Delay(200);
            again = await clinician.SelectAsync(SandboxPatients.Minimal);
        }
        while (again.Status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(SandboxPatients.Minimal, NcrsLaunchTests.LinkedNumber(await clinician.LaunchAsync(again.Value("selectionToken"))));
    }

    private async Task<string> ReadinessAsync()
    {
        using var http = _host.CreateClient();
        using var response = await http.GetAsync("health/ready");
        return await response.Content.ReadAsStringAsync();
    }
}
