using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Audit;
using NcrsGateway.Tests.Common;
using WireMock.ResponseBuilders;

namespace NcrsGateway.FunctionalTests.Support;

/// <summary>
/// "NCRS was slow": support can tell from the response's <c>Server-Timing</c> and the exported trace whether a national
/// service or the gateway took the time. The delays are lower bounds the upstream or the audit store really waited.
/// </summary>
public sealed class SlowRequestAttributionTests
{
    private const string Number = "9434765919";
    private static readonly TimeSpan Late = TimeSpan.FromSeconds(2);

    // Timers may fire a little before the stopwatch agrees the delay has passed.
    private static readonly double AtLeastLateMs = Late.TotalMilliseconds - 100;

    [Fact]
    public async Task PdsAnsweringTwoSecondsLate_IsAttributedToPds_InServerTimingAndTrace()
    {
        using var pds = new PdsUpstream();
        pds.Server.Given(pds.ReadOf(Number)).RespondWith(pds.PatientResponse(Number).WithDelay(Late));
        var settings = pds.Settings(maxRetries: 0);
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:10";
        settings["Adapters:Pds:TotalTimeout"] = "00:00:20";
        var telemetry = new TelemetryCapture();
        await using var host = await GatewayHost.StartAsync(settings, telemetry.Attach);
        using var client = host.CreateClinicianClient();

        using var response = await client.GetAsync($"fhir/Patient/{Number}");

        Assert.Equal(200, (int)response.StatusCode);
        var timing = ServerTimingOf(response);
        Assert.True(timing["pds"] >= AtLeastLateMs, $"pds {timing["pds"]} ms");
        Assert.True(timing["total"] >= timing["pds"]);
        Assert.True(timing["gateway"] < timing["pds"], $"gateway {timing["gateway"]} ms, pds {timing["pds"]} ms");
        Assert.DoesNotContain(Number, response.Headers.GetValues("Server-Timing").Single(), StringComparison.Ordinal);

        TelemetryCapture.Flush(host.Services);
        var correlationId = response.Headers.GetValues("X-Correlation-ID").Single();
        var span = Assert.Single(telemetry.Spans, s => s.Source.Name == "NcrsGateway" && Equals(s.GetTagItem("ncrs.upstream"), "PDS") && Equals(s.GetTagItem("correlation.id"), correlationId));
        Assert.True(span.Duration.TotalMilliseconds >= AtLeastLateMs, $"PDS span {span.Duration}");
        Assert.Equal(correlationId, span.GetTagItem("correlation.id"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(1, span.GetTagItem("ncrs.upstream.attempts"));
        Assert.Equal("ok", span.GetTagItem("ncrs.upstream.outcome"));
        Assert.Contains(telemetry.Spans, s => s.Kind == ActivityKind.Client && s.ParentSpanId == span.SpanId); // its HTTP attempt under it
    }

    [Fact]
    public async Task SlowAuditWrite_IsAttributedToTheGateway_NotToPds()
    {
        using var pds = new PdsUpstream();
        pds.Server.Given(pds.ReadOf(Number)).RespondWith(pds.PatientResponse(Number));
        await using var host = await GatewayHost.StartAsync(pds.Settings(), b =>
            b.Services.AddSingleton<IAuditTrail>(new SlowAuditTrail(new InMemoryAuditTrail(), Late)));
        using var client = host.CreateClinicianClient();

        using var response = await client.GetAsync($"fhir/Patient/{Number}");

        Assert.Equal(200, (int)response.StatusCode);
        var timing = ServerTimingOf(response);
        Assert.True(timing["audit"] >= AtLeastLateMs, $"audit {timing["audit"]} ms");
        Assert.True(timing["gateway"] >= timing["audit"], $"gateway {timing["gateway"]} ms, audit {timing["audit"]} ms");
        Assert.True(timing["pds"] < timing["gateway"], $"pds {timing["pds"]} ms, gateway {timing["gateway"]} ms");
    }

    [Fact]
    public async Task PatientReadTwice_SecondServerTimingSaysCacheHitWithNoPdsCall()
    {
        using var pds = new PdsUpstream();
        pds.Server.Given(pds.ReadOf(Number)).RespondWith(pds.PatientResponse(Number));
        await using var host = await GatewayHost.StartAsync(pds.Settings());
        using var client = host.CreateClinicianClient();

        using var first = await client.GetAsync($"fhir/Patient/{Number}");
        using var second = await client.GetAsync($"fhir/Patient/{Number}");

        var firstTiming = first.Headers.GetValues("Server-Timing").Single();
        var secondTiming = second.Headers.GetValues("Server-Timing").Single();
        Assert.Contains("cache;desc=miss", firstTiming, StringComparison.Ordinal);
        Assert.Contains("pds;dur=", firstTiming, StringComparison.Ordinal);
        Assert.Contains("cache;desc=hit", secondTiming, StringComparison.Ordinal);
        Assert.DoesNotContain("pds;", secondTiming, StringComparison.Ordinal);
        Assert.Equal(1, pds.Calls);
    }

    /// <summary>Each <c>Server-Timing</c> entry's name and duration (the last one when a name repeats).</summary>
    internal static Dictionary<string, double> ServerTimingOf(HttpResponseMessage response)
    {
        var timing = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in response.Headers.GetValues("Server-Timing").Single().Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(';');
            var dur = parts.FirstOrDefault(p => p.StartsWith("dur=", StringComparison.Ordinal));
            if (dur is not null)
            {
                timing[parts[0]] = double.Parse(dur[4..], CultureInfo.InvariantCulture);
            }
        }

        return timing;
    }

    private sealed class SlowAuditTrail(IAuditTrail inner, TimeSpan delay) : IAuditTrail
    {
        public async Task RecordAsync(AuditRecord record, AuditDurability durability, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            await inner.RecordAsync(record, durability, cancellationToken);
        }

        public Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken) => inner.SearchAsync(query, cancellationToken);
    }
}
