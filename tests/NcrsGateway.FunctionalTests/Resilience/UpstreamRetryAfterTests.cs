using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NcrsGateway.Core.Audit;
using NcrsGateway.Tests.Common;
using WireMock.ResponseBuilders;

namespace NcrsGateway.FunctionalTests.Resilience;

/// <summary>
/// An upstream's Retry-After is remembered per upstream: nothing is sent to it until the time passes, callers are told
/// how long is left (header and sentence), and an open breaker reports its real remaining break time. The gateway runs
/// on a fake clock that starts at the real time (so bearer tokens stay valid) and is moved on by the test.
/// </summary>
public sealed class UpstreamRetryAfterTests : IDisposable
{
    private const string Number = "9434765919";
    private const string Search = "fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|" + Number;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly PdsUpstream _pds = new();
    private readonly NrlUpstream _nrl = new();

    public void Dispose()
    {
        _pds.Dispose();
        _nrl.Dispose();
    }

    [Fact]
    public async Task PdsRead_After429WithRetryAfter30_PdsGetsNoCallUntilItPassesThenCallsResume()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).InScenario("busy").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30"));
        _pds.Server.Given(_pds.ReadOf(Number)).InScenario("busy").WhenStateIs("free").RespondWith(_pds.PatientResponse(Number));
        var settings = _pds.Settings(maxRetries: 0);
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:05";
        settings["Adapters:Pds:TotalTimeout"] = "00:00:08";
        await using var host = await StartAsync(settings);
        using var client = host.CreateClinicianClient();

        using var first = await client.GetAsync($"fhir/Patient/{Number}");
        var during = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            during.Add(await client.GetAsync($"fhir/Patient/{Number}"));
        }

        Assert.Equal(1, _pds.Calls);
        await AssertBusyAsync(first, 30);
        foreach (var response in during)
        {
            await AssertBusyAsync(response, 30);
        }

        _time.Advance(TimeSpan.FromSeconds(20));
        await AssertBusyAsync(await client.GetAsync($"fhir/Patient/{Number}"), 10);
        Assert.Equal(1, _pds.Calls);

        _time.Advance(TimeSpan.FromSeconds(11));
        using var resumed = await client.GetAsync($"fhir/Patient/{Number}");

        await FhirAssert.ResourceAsync<Hl7.Fhir.Model.Patient>(resumed);
        Assert.Equal(2, _pds.Calls);
    }

    [Fact]
    public async Task NrlSearch_After429WithRetryAfter30_NrlGetsNoCallUntilItPassesThenCallsResume()
    {
        _nrl.Server.Given(_nrl.Search()).InScenario("busy").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30"));
        _nrl.Server.Given(_nrl.Search()).InScenario("busy").WhenStateIs("free").RespondWith(NrlUpstream.Fhir(NrlUpstream.SearchSet()));
        await using var host = await StartAsync(_nrl.Settings());
        using var client = host.CreateClinicianClient();

        using var first = await client.GetAsync(Search);
        using var second = await client.GetAsync(Search);

        Assert.Equal(1, _nrl.Calls);
        await AssertBusyAsync(first, 30);
        await AssertBusyAsync(second, 30);

        _time.Advance(TimeSpan.FromSeconds(31));
        using var resumed = await client.GetAsync(Search);

        await FhirAssert.ResourceAsync<Hl7.Fhir.Model.Bundle>(resumed);
        Assert.Equal(2, _nrl.Calls);
    }

    [Fact]
    public async Task PdsRead_OpenBreaker_ReportsItsRemainingBreakTimeNotTheConfiguredDuration()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(PdsUpstream.Outcome(500, "INTERNAL_SERVER_ERROR"));
        var settings = _pds.Settings(maxRetries: 0);
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:05";
        settings["Adapters:Pds:TotalTimeout"] = "00:00:08";
        settings["Adapters:Pds:BreakerMinimumThroughput"] = "2";
        settings["Adapters:Pds:BreakerFailureRatio"] = "0.5";
        settings["Adapters:Pds:BreakDuration"] = "00:01:00";
        await using var host = await StartAsync(settings);
        using var client = host.CreateClinicianClient();
        for (var i = 0; i < 2; i++)
        {
            using var failed = await client.GetAsync($"fhir/Patient/{Number}");
            await FhirAssert.OutcomeAsync(failed, HttpStatusCode.BadGateway, "upstream-error");
        }

        _time.Advance(TimeSpan.FromSeconds(20));
        using var refused = await client.GetAsync($"fhir/Patient/{Number}");

        var text = await FhirAssert.OutcomeAsync(refused, HttpStatusCode.ServiceUnavailable, "upstream-unavailable");
        Assert.Equal(TimeSpan.FromSeconds(40), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("40 seconds", text, StringComparison.Ordinal);
        Assert.Equal(2, _pds.Calls);
    }

    private async Task<GatewayHost> StartAsync(Dictionary<string, string?> settings)
    {
        settings["Cache:Enabled"] = "false"; // every read must reach the adapter
        return await GatewayHost.StartAsync(settings, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(_time);
            builder.Services.AddSingleton<IAuditTrail>(new InMemoryAuditTrail());
        });
    }

    private static async Task AssertBusyAsync(HttpResponseMessage response, int seconds)
    {
        using (response)
        {
            var text = await FhirAssert.OutcomeAsync(response, HttpStatusCode.ServiceUnavailable, "upstream-busy");
            Assert.Equal(TimeSpan.FromSeconds(seconds), response.Headers.RetryAfter?.Delta);
            Assert.Contains($"Try again in {seconds} seconds.", text, StringComparison.Ordinal);
        }
    }
}
