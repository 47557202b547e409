using System.Net;
using System.Text.Json.Nodes;
using NcrsGateway.Sandbox.Nrl;

namespace NcrsGateway.Adapters.Nrl.Tests;

/// <summary>The sandbox NRL simulator's own contract (GET search form and header checks), which NrlClient does not exercise.</summary>
public sealed class NrlSimulatorTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task GetSearch_WithHeaders_ReturnsSearchsetAndEchoesTracingHeaders()
    {
        using var http = new HttpClient();
        using var request = Request($"DocumentReference?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|{NrlSandboxPointers.PatientWithTwoPointers}");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(request.Headers.GetValues("X-Request-ID").Single(), response.Headers.GetValues("X-Request-ID").Single());
        Assert.Equal("corr-1", response.Headers.GetValues("X-Correlation-ID").Single());
        var bundle = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, (int?)bundle["total"]);
    }

    [Theory]
    [InlineData("Authorization", HttpStatusCode.Unauthorized)]
    [InlineData("X-Request-ID", HttpStatusCode.BadRequest)]
    [InlineData("NHSD-End-User-Organisation-ODS", HttpStatusCode.BadRequest)]
    public async Task Search_MissingRequiredHeader_IsRefused(string header, HttpStatusCode expected)
    {
        using var http = new HttpClient();
        using var request = Request($"DocumentReference?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|{NrlSandboxPointers.PatientWithTwoPointers}");
        request.Headers.Remove(header);

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    private HttpRequestMessage Request(string relative)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Sandbox.NrlBaseUrl, relative));
        request.Headers.Add("Authorization", "Bearer sandbox");
        request.Headers.Add("X-Request-ID", Guid.NewGuid().ToString());
        request.Headers.Add("X-Correlation-ID", "corr-1");
        request.Headers.Add("NHSD-End-User-Organisation-ODS", "Y12345");
        return request;
    }
}
