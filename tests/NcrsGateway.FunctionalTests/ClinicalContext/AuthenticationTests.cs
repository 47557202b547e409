using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.ClinicalContext;

/// <summary>Every clinical route needs a valid bearer token; refusals are OperationOutcomes; roles decide the rest.</summary>
public sealed class AuthenticationTests(ClinicalContextHost fixture) : IClassFixture<ClinicalContextHost>
{
    public static readonly TheoryData<string, string, string> RoutesAndBadTokens = Cross();

    [Theory]
    [MemberData(nameof(RoutesAndBadTokens))]
    public async Task ClinicalRoute_WithoutValidToken_Returns401OperationOutcome(string method, string path, string tokenKind)
    {
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = ClinicalContextClient.Fhir(ClinicalContextClient.SelectBody(SandboxPatients.Search));
        }

        if (BadToken(tokenKind) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(FhirJson.MediaType, response.Content.Headers.ContentType?.MediaType);
        var outcome = Assert.IsType<OperationOutcome>(JsonSerializer.Deserialize<Resource>(await response.Content.ReadAsStringAsync(), FhirJson.Options));
        Assert.Equal("unauthenticated", outcome.Issue[0].Details!.Coding[0].Code);
        Assert.DoesNotContain(response.Headers.WwwAuthenticate, h => h.Parameter?.Contains("eyJ", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Metadata_WithoutToken_IsServed()
    {
        using var client = fixture.Host.CreateClient();
        using var response = await client.GetAsync("fhir/metadata");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthEndpoints_WithoutToken_AreServed()
    {
        using var client = fixture.Host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/ready")).StatusCode);
    }

    [Fact]
    public async Task Reader_CanReadButCannotSelectOrLaunch_Returns403OperationOutcome()
    {
        using var reader = new ClinicalContextClient(fixture.Host, TestTokens.Reader, "ws-reader");
        using var http = fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Reader, "ws-reader"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"fhir/Patient/{SandboxPatients.Search}")).StatusCode);

        var select = await reader.SelectAsync(SandboxPatients.Search);
        var launch = await reader.LaunchAsync("anything");

        Assert.Equal(HttpStatusCode.Forbidden, select.Status);
        Assert.Equal("access-denied", select.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, launch.Status);
        Assert.Equal("access-denied", launch.ErrorCode);
    }

    [Fact]
    public async Task Auditor_CannotReadPatients_Returns403OperationOutcome()
    {
        using var auditor = new ClinicalContextClient(fixture.Host, TestTokens.Auditor, "ws-auditor");
        using var http = fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Auditor, "ws-auditor"));

        using var read = await http.GetAsync($"fhir/Patient/{SandboxPatients.Search}");
        var verify = await auditor.VerifyAsync(ClinicalContextClient.SelectBody(SandboxPatients.Search));

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, verify.Status);
    }

    private static string? BadToken(string kind) => kind switch
    {
        "none" => null,
        "bad-signature" => TestTokens.Mint(TestTokens.Clinician, "ws-1", key: TestTokens.WrongKey),
        "expired" => TestTokens.Mint(TestTokens.Clinician, "ws-1", notBefore: DateTimeOffset.UtcNow.AddHours(-2), lifetime: TimeSpan.FromMinutes(30)),
        "wrong-audience" => TestTokens.Mint(TestTokens.Clinician, "ws-1", audience: "some-other-service"),
        "garbage" => "not-a-jwt",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static TheoryData<string, string, string> Cross()
    {
        var data = new TheoryData<string, string, string>();
        string[][] routes =
        [
            ["GET", $"fhir/Patient/{SandboxPatients.Search}"],
            ["GET", $"fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{SandboxPatients.Search}"],
            ["POST", "fhir/Patient/$verify"],
            ["POST", "fhir/Patient/$select"],
            ["POST", "fhir/Patient/$ncrs-launch"],
        ];
        foreach (var route in routes)
        {
            foreach (var kind in new[] { "none", "bad-signature", "expired", "wrong-audience", "garbage" })
            {
                data.Add(route[0], route[1], kind);
            }
        }

        return data;
    }
}
