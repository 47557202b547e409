using System.Net;
using NcrsGateway.Tests.Common;
using WireMock.ResponseBuilders;

namespace NcrsGateway.FunctionalTests.Demographics;

/// <summary>What a caller sees when PDS itself answers with an error or not at all.</summary>
public sealed class PdsUpstreamFailureTests : IAsyncLifetime
{
    private const string Number = "9434765919";
    private readonly PdsUpstream _pds = new();
    private GatewayHost _host = null!;

    public async Task InitializeAsync() => _host = await GatewayHost.StartAsync(_pds.Settings());

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _pds.Dispose();
    }

    [Fact]
    public async Task Read_UpstreamRejectsTheId_Returns400InvalidNhsNumber()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(PdsUpstream.Outcome(400, "INVALID_RESOURCE_ID", "value"));

        await FhirAssert.OutcomeAsync(await _host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}"), HttpStatusCode.BadRequest, "invalid-nhs-number");
    }

    [Fact]
    public async Task Read_UpstreamRateLimitsWithLongRetryAfter_Returns503UpstreamBusyWithRetryAfterWithoutWaiting()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30"));

        using var response = await _host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}");

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.ServiceUnavailable, "upstream-busy");
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, _pds.Calls);
    }

    [Fact]
    public async Task Read_UpstreamUnavailableWithRetryAfter_Returns503UpstreamUnavailableAndPassesRetryAfterOn()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(
            PdsUpstream.Outcome(503, "SERVICE_UNAVAILABLE").WithHeader("Retry-After", "20"));

        using var response = await _host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}");

        var text = await FhirAssert.OutcomeAsync(response, HttpStatusCode.ServiceUnavailable, "upstream-unavailable");
        Assert.Contains("use local records", text, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(20), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Read_UpstreamInternalError_Returns502WithoutUpstreamDiagnostics()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(PdsUpstream.Outcome(500, "INTERNAL_SERVER_ERROR"));

        using var response = await _host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}");

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadGateway, "upstream-error");
        Assert.DoesNotContain("DEADBEEF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, _pds.Calls); // first attempt + 2 retries for an idempotent read
    }

    [Fact]
    public async Task Read_UpstreamTooSlow_Returns504UpstreamTimeout()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(_pds.PatientResponse(Number).WithDelay(TimeSpan.FromSeconds(5)));

        await FhirAssert.OutcomeAsync(await _host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}"), HttpStatusCode.GatewayTimeout, "upstream-timeout");
    }

    [Fact]
    public async Task Read_UpstreamRefusesCredentials_Returns502AccessDeniedForItSupport()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(PdsUpstream.Outcome(401, "ACCESS_DENIED", "forbidden"));

        var text = await FhirAssert.OutcomeAsync(await _host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}"), HttpStatusCode.BadGateway, "upstream-access-denied");
        Assert.Contains("IT service desk", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_UpstreamDownThenUp_RetriesWithTheSameRequestId()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(PdsUpstream.Outcome(503, "SERVICE_UNAVAILABLE"));
        _pds.Server.Given(_pds.ReadOf(Number)).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(_pds.PatientResponse(Number));

        using var response = await _host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}");

        await FhirAssert.ResourceAsync<Hl7.Fhir.Model.Patient>(response);
        var requestIds = _pds.Server.LogEntries.Select(e => e.RequestMessage.Headers!["X-Request-ID"].Single()).ToList();
        Assert.Equal(2, requestIds.Count);
        Assert.Single(requestIds.Distinct());
    }

    [Fact]
    public async Task Search_UpstreamFails_NeverBecomesAnEmptyBundle()
    {
        _pds.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(UpstreamPaths.Pds + "Patient").UsingGet())
            .RespondWith(PdsUpstream.Outcome(500, "INTERNAL_SERVER_ERROR"));

        await FhirAssert.OutcomeAsync(
            await _host.CreateClinicianClient().GetAsync("fhir/Patient?family=Smith&birthdate=eq1970-01-01"), HttpStatusCode.BadGateway, "upstream-error");
    }
}
