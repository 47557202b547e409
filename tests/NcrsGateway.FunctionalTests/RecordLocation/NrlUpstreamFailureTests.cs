using System.Net;
using NcrsGateway.Tests.Common;
using WireMock.ResponseBuilders;

namespace NcrsGateway.FunctionalTests.RecordLocation;

/// <summary>What a caller sees when NRL itself answers with an error or not at all: never an empty Bundle.</summary>
public sealed class NrlUpstreamFailureTests : IAsyncLifetime
{
    private const string Number = "9434765919";
    private const string Search = "fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|" + Number;
    private readonly NrlUpstream _nrl = new();
    private GatewayHost _host = null!;

    public async Task InitializeAsync() => _host = await GatewayHost.StartAsync(_nrl.Settings());

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _nrl.Dispose();
    }

    [Fact]
    public async Task Search_UpstreamInternalError_Returns502UpstreamErrorNotAnEmptyBundle()
    {
        _nrl.Server.Given(_nrl.Search()).RespondWith(NrlUpstream.Outcome(500, "INTERNAL_SERVER_ERROR"));

        using var response = await _host.CreateClinicianClient().GetAsync(Search);

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadGateway, "upstream-error");
        Assert.DoesNotContain("DEADBEEF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_UpstreamUnavailable_Returns503WithRetryAfter()
    {
        _nrl.Server.Given(_nrl.Search()).RespondWith(NrlUpstream.Outcome(503, "SERVICE_UNAVAILABLE").WithHeader("Retry-After", "20"));

        using var response = await _host.CreateClinicianClient().GetAsync(Search);

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.ServiceUnavailable, "upstream-unavailable");
        Assert.Equal(TimeSpan.FromSeconds(20), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Search_UpstreamTooSlow_Returns504UpstreamTimeout()
    {
        _nrl.Server.Given(_nrl.Search()).RespondWith(
            NrlUpstream.Fhir(NrlUpstream.SearchSet()).WithDelay(TimeSpan.FromSeconds(4)));
        await using var impatient = await GatewayHost.StartAsync(_nrl.Settings(attemptTimeout: "00:00:01", totalTimeout: "00:00:01"));

        await FhirAssert.OutcomeAsync(await impatient.CreateClinicianClient().GetAsync(Search), HttpStatusCode.GatewayTimeout, "upstream-timeout");
    }

    [Fact]
    public async Task Search_UpstreamAnswersWithGarbage_Returns502()
    {
        _nrl.Server.Given(_nrl.Search()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/fhir+json").WithBody("<html>proxy error</html>"));

        await FhirAssert.OutcomeAsync(await _host.CreateClinicianClient().GetAsync(Search), HttpStatusCode.BadGateway, "upstream-error");
    }
}
