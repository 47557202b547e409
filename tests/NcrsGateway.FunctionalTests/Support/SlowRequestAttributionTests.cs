using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Audit;
using NcrsGateway.Tests.Common;
using WireMock.ResponseBuilders;

namespace NcrsGateway.FunctionalTests.Support;

/// <summary>
/// "NCRS was slow": support can tell from the response's <c>Server-Timing</c> and the exported trace whether a national
/// service or the gateway took the time, and so does the support lookup (<c>/ops/correlation/{id}</c>). The delays are lower bounds the upstream or the audit store really waited.
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
        var span = Assert.Single(telemetry.Spans, s => s.Source.Name == "NcrsGateway" && Equals(s.GetTagItem("ncrs.upstream"), "pds") && Equals(s.GetTagItem("correlation.id"), correlationId));
        Assert.True(span.Duration.TotalMilliseconds >= AtLeastLateMs, $"PDS span {span.Duration}");
        Assert.Equal(correlationId, span.GetTagItem("correlation.id"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(1, span.GetTagItem("ncrs.upstream.attempts"));
        Assert.Equal("ok", span.GetTagItem("ncrs.upstream.outcome"));
        Assert.Contains(telemetry.Spans, s => s.Kind == ActivityKind.Client && s.ParentSpanId == span.SpanId); // its HTTP attempt under it

        var looked = await LookUpAsync(host, correlationId);
        Assert.Equal("PDS", looked.GetProperty("attributedTo").GetString());
        var call = Assert.Single(looked.GetProperty("upstreamCalls").EnumerateArray());
        Assert.True(call.GetProperty("durationMs").GetDouble() >= AtLeastLateMs);
        Assert.True(looked.GetProperty("gatewayMs").GetDouble() < call.GetProperty("durationMs").GetDouble());
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

        var looked = await LookUpAsync(host, response.Headers.GetValues("X-Correlation-ID").Single());
        Assert.Equal("gateway", looked.GetProperty("attributedTo").GetString());
        Assert.True(looked.GetProperty("auditMs").GetDouble() >= AtLeastLateMs);
    }

    /// <summary>What <c>/ops/correlation/{id}</c> tells support about the one request with <paramref name="correlationId"/>.</summary>
    private static async Task<System.Text.Json.JsonElement> LookUpAsync(GatewayHost host, string correlationId)
    {
        using var support = host.CreateClient(TestTokens.Mint(TestTokens.Support));
        using var lookup = await support.GetAsync($"ops/correlation/{correlationId}");
        Assert.Equal(System.Net.HttpStatusCode.OK, lookup.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(await lookup.Content.ReadAsStringAsync()).RootElement;
        return Assert.Single(json.GetProperty("requests").EnumerateArray()).Clone();
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
