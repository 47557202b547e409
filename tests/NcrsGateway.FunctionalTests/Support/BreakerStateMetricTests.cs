using System.Net;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Support;

/// <summary>The gauge reads every live upstream in the process, so this runs alone: no other host's PDS breaker is observed.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BreakerStateMetricCollection
{
    public const string Name = "breaker-state-gauge";
}

/// <summary>Operators see each upstream's circuit breaker as a metric, not only in readiness: 0 closed, 2 open.</summary>
[Collection(BreakerStateMetricCollection.Name)]
public sealed class BreakerStateMetricTests
{
    private const string Number = "9434765919";

    [Fact]
    public async Task UpstreamFaultsOpeningTheBreaker_ShowInTheBreakerStateGauge_ClosedBeforeOpenAfter()
    {
        using var pds = new PdsUpstream();
        pds.Server.Given(pds.ReadOf(Number)).RespondWith(PdsUpstream.Outcome(500, "INTERNAL_SERVER_ERROR"));
        var settings = pds.Settings(maxRetries: 0);
        settings["Adapters:Pds:BreakerMinimumThroughput"] = "2";
        settings["Adapters:Pds:BreakerFailureRatio"] = "0.5";
        settings["Adapters:Pds:BreakDuration"] = "00:01:00";
        settings["Cache:Enabled"] = "false";
        var telemetry = new TelemetryCapture();
        await using var host = await GatewayHost.StartAsync(settings, telemetry.Attach);
        using var client = host.CreateClinicianClient();
        using (var first = await client.GetAsync($"fhir/Patient/{Number}"))
        {
            Assert.NotEqual(HttpStatusCode.OK, first.StatusCode); // one failure: below the breaker's minimum throughput
        }

        TelemetryCapture.Flush(host.Services);
        var closed = PdsBreakerValues(telemetry);

        for (var i = 0; i < 2; i++)
        {
            using var failed = await client.GetAsync($"fhir/Patient/{Number}");
            Assert.NotEqual(HttpStatusCode.OK, failed.StatusCode);
        }

        TelemetryCapture.Flush(host.Services);

        Assert.Contains(0L, closed);
        Assert.DoesNotContain(2L, closed);
        Assert.Equal(2L, PdsBreakerValues(telemetry)[^1]); // the last collection: open
    }

    private static List<long> PdsBreakerValues(TelemetryCapture telemetry) =>
        [.. telemetry.Metrics.Where(m => m.Name == "ncrs.upstream.breaker.state")
            .SelectMany(m => m.MetricPoints)
            .Where(p => HasUpstream(p, "pds")) // the budget name, as on ncrs.upstream.retry_after
            .Select(p => p.GetGaugeLastValueLong())];

    private static bool HasUpstream(OpenTelemetry.Metrics.MetricPoint point, string upstream)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == "ncrs.upstream" && Equals(tag.Value, upstream))
            {
                return true;
            }
        }

        return false;
    }
}
