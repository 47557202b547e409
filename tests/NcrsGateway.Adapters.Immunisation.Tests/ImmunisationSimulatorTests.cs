using System.Net;
using System.Text.Json.Nodes;
using NcrsGateway.Sandbox;

namespace NcrsGateway.Adapters.Immunisation.Tests;

/// <summary>The sandbox Immunisation simulator's own contract: filters, bounds and the real API's refusals.</summary>
public sealed class ImmunisationSimulatorTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Patient = "patient.identifier=https://fhir.nhs.uk/Id/nhs-number%7C";

    [Fact]
    public async Task Search_Target_ReturnsOnlyThatVaccineTypeAndEchoesTracingHeaders()
    {
        using var http = new HttpClient();
        using var request = Request($"Immunization?{Patient}{SandboxPatients.Deceased}&-immunization.target=FLU");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(request.Headers.GetValues("X-Request-ID").Single(), response.Headers.GetValues("X-Request-ID").Single());
        Assert.Equal("corr-1", response.Headers.GetValues("X-Correlation-ID").Single());
        var bundle = await Body(response);
        Assert.Equal(1, (int?)bundle["total"]);
        Assert.Equal("6142004", (string?)bundle["entry"]![0]!["resource"]!["protocolApplied"]![0]!["targetDisease"]![0]!["coding"]![0]!["code"]);
    }

    [Fact]
    public async Task Search_SeveralTargets_ReturnsEachType()
    {
        using var response = await Send($"Immunization?{Patient}{SandboxPatients.Search}&-immunization.target=MMR,HPV");

        Assert.Equal(3, (int?)(await Body(response))["total"]);
    }

    [Theory]
    [InlineData("&-date.from=2021-02-01", 2)]
    [InlineData("&-date.to=2021-04-08", 2)]
    [InlineData("&-date.from=2021-04-08&-date.to=2021-04-08", 1)]
    [InlineData("&-date.from=2024-01-01", 0)]
    public async Task Search_DateBounds_AreInclusive(string bounds, int expected)
    {
        using var response = await Send($"Immunization?{Patient}{SandboxPatients.Deceased}&-immunization.target=COVID19,FLU{bounds}");

        Assert.Equal(expected, (int?)(await Body(response))["total"]);
    }

    [Fact]
    public async Task Search_PatientWithNoVaccinations_ReturnsAnEmptySearchset()
    {
        using var response = await Send($"Immunization?{Patient}{SandboxPatients.Minimal}&-immunization.target=COVID19,FLU,MMR,HPV,RSV");

        var bundle = await Body(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (int?)bundle["total"]);
    }

    [Fact]
    public async Task Search_RestrictedPatient_WithholdsPerformerAndLocationAsTheRealApiDoes()
    {
        using var response = await Send($"Immunization?{Patient}{SandboxPatients.Restricted}&-immunization.target=FLU");

        var resource = (await Body(response))["entry"]![0]!["resource"]!;
        Assert.Equal("N2N9I", (string?)resource["performer"]![0]!["actor"]!["identifier"]!["value"]);
        Assert.Equal("GB", (string?)resource["location"]!["identifier"]!["value"]);
    }

    [Theory]
    [InlineData("Immunization?" + Patient + "9000000009", HttpStatusCode.BadRequest)]
    [InlineData("Immunization?" + Patient + "9000000009&-immunization.target=", HttpStatusCode.BadRequest)]
    [InlineData("Immunization?" + Patient + "9000000009&-immunization.target=NOTAVACCINE", HttpStatusCode.BadRequest)]
    [InlineData("Immunization?" + Patient + "9000000000&-immunization.target=FLU", HttpStatusCode.BadRequest)]
    [InlineData("Immunization?-immunization.target=FLU", HttpStatusCode.BadRequest)]
    [InlineData("Immunization?" + Patient + "9000000009&-immunization.target=FLU&-date.from=2021-13-01", HttpStatusCode.BadRequest)]
    [InlineData("Immunization?" + Patient + "9000000009&-immunization.target=FLU,PERTUSSIS", HttpStatusCode.Forbidden)]
    public async Task Search_InvalidOrNotPermitted_IsRefusedWithAnOperationOutcome(string relative, HttpStatusCode expected)
    {
        using var response = await Send(relative);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("OperationOutcome", (string?)(await Body(response))["resourceType"]);
    }

    [Theory]
    [InlineData("Authorization", HttpStatusCode.Unauthorized)]
    [InlineData("X-Request-ID", HttpStatusCode.BadRequest)]
    public async Task Search_MissingRequiredHeader_IsRefused(string header, HttpStatusCode expected)
    {
        using var http = new HttpClient();
        using var request = Request($"Immunization?{Patient}{SandboxPatients.Deceased}&-immunization.target=FLU");
        request.Headers.Remove(header);

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<HttpResponseMessage> Send(string relative)
    {
        using var http = new HttpClient();
        using var request = Request(relative);
        return await http.SendAsync(request);
    }

    private static async Task<JsonNode> Body(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private HttpRequestMessage Request(string relative)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Sandbox.ImmunisationBaseUrl, relative));
        request.Headers.Add("Authorization", "Bearer sandbox");
        request.Headers.Add("X-Request-ID", Guid.NewGuid().ToString());
        request.Headers.Add("X-Correlation-ID", "corr-1");
        return request;
    }
}
