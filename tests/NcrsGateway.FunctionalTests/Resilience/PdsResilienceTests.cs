using System.Diagnostics;
using System.Net;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;
using WireMock.ResponseBuilders;

namespace NcrsGateway.FunctionalTests.Resilience;

/// <summary>
/// The outbound budget, timeouts, retries and breaker in front of PDS, against a scripted WireMock upstream.
/// (503-then-200 with one X-Request-ID and 429 with a long Retry-After are in Patients/PdsUpstreamFailureTests.)
/// </summary>
public sealed class PdsResilienceTests : IDisposable
{
    private const string Number = "9434765919";
    private readonly PdsUpstream _pds = new();

    public void Dispose() => _pds.Dispose();

    [Fact]
    public async Task Read_ConnectionResetEveryTime_IsRetriedThenAnswers503UpstreamUnavailable()
    {
        using var resetting = new ResettingUpstream(UpstreamPaths.Pds);
        var settings = _pds.Settings();
        settings["Adapters:Pds:BaseUrl"] = resetting.BaseUrl;
        await using var host = await GatewayHost.StartAsync(settings);

        using var response = await host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}");

        var text = await FhirAssert.OutcomeAsync(response, HttpStatusCode.ServiceUnavailable, "upstream-unavailable");
        Assert.Contains("use local records", text, StringComparison.Ordinal);
        Assert.Equal(3, resetting.Connections); // first attempt + 2 retries: a GET is idempotent
    }

    [Fact]
    public async Task Read_ResponseCutOffMidBody_AnswersAnOperationOutcomeNotAnInternalError()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(Response.Create().WithFault(FaultType.MALFORMED_RESPONSE_CHUNK));
        await using var host = await GatewayHost.StartAsync(_pds.Settings());

        using var response = await host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}");

        Assert.True(response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway, $"got {(int)response.StatusCode}");
        var outcome = await FhirAssert.ResourceAsync<Hl7.Fhir.Model.OperationOutcome>(response, response.StatusCode);
        Assert.StartsWith("upstream-", outcome.Issue[0].Details!.Coding[0].Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ShortRetryAfterOn429_IsHonouredAndRetriedToSuccess()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).InScenario("busy").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        _pds.Server.Given(_pds.ReadOf(Number)).InScenario("busy").WhenStateIs("free").RespondWith(_pds.PatientResponse(Number));
        var settings = _pds.Settings();
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:02";
        settings["Adapters:Pds:TotalTimeout"] = "00:00:05";
        await using var host = await GatewayHost.StartAsync(settings);

        using var response = await host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}");

        await FhirAssert.ResourceAsync<Hl7.Fhir.Model.Patient>(response);
        var calls = _pds.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].RequestMessage.DateTime - calls[0].RequestMessage.DateTime >= TimeSpan.FromMilliseconds(900), "the retry must wait for Retry-After");
    }

    [Fact]
    public async Task Read_SlowerThanTotalTimeout_Answers504UpstreamTimeoutWithoutWaitingForTheUpstream()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(_pds.PatientResponse(Number).WithDelay(TimeSpan.FromSeconds(10)));
        var settings = _pds.Settings(maxRetries: 0);
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:00.500";
        settings["Adapters:Pds:TotalTimeout"] = "00:00:01";
        await using var host = await GatewayHost.StartAsync(settings);

        var clock = Stopwatch.StartNew();
        using var response = await host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}");

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.GatewayTimeout, "upstream-timeout");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the caller must not wait for the 10 s upstream");
    }

    [Fact]
    public async Task Read_AfterRepeatedFailures_BreakerRefusesFastWithoutCallingUpstream()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(PdsUpstream.Outcome(500, "INTERNAL_SERVER_ERROR").WithDelay(TimeSpan.FromSeconds(2)));
        var settings = _pds.Settings(maxRetries: 0);
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:05";
        settings["Adapters:Pds:TotalTimeout"] = "00:00:05";
        settings["Adapters:Pds:BreakerMinimumThroughput"] = "2";
        settings["Adapters:Pds:BreakerFailureRatio"] = "0.5";
        settings["Adapters:Pds:BreakDuration"] = "00:01:00";
        settings["Cache:Enabled"] = "false"; // two identical reads would otherwise be coalesced into one
        await using var host = await GatewayHost.StartAsync(settings);
        using var client = host.CreateClinicianClient();
        await Task.WhenAll(client.GetAsync($"fhir/Patient/{Number}"), client.GetAsync($"fhir/Patient/{Number}"));
        var callsBefore = _pds.Calls;

        var clock = Stopwatch.StartNew();
        using var refused = await client.GetAsync($"fhir/Patient/{Number}");

        await FhirAssert.OutcomeAsync(refused, HttpStatusCode.ServiceUnavailable, "upstream-unavailable");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "an open breaker answers well under the upstream's 2 s delay");
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)); // the break time left
        Assert.Equal(callsBefore, _pds.Calls);
    }

    [Fact]
    public async Task Read_ConcurrencyBudgetExhausted_RefusesTheExtraCallFastWith503()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(_pds.PatientResponse(Number).WithDelay(TimeSpan.FromSeconds(2)));
        var settings = _pds.Settings(maxRetries: 0);
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:05";
        settings["Adapters:Pds:TotalTimeout"] = "00:00:05";
        settings["Adapters:Pds:MaxConcurrentRequests"] = "1";
        settings["Cache:Enabled"] = "false"; // two identical reads would otherwise be coalesced into one
        await using var host = await GatewayHost.StartAsync(settings);
        using var client = host.CreateClinicianClient();

        var responses = await Task.WhenAll(client.GetAsync($"fhir/Patient/{Number}"), client.GetAsync($"fhir/Patient/{Number}"));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        await FhirAssert.OutcomeAsync(refused, HttpStatusCode.ServiceUnavailable, "upstream-unavailable");
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(1, _pds.Calls);
    }
}
