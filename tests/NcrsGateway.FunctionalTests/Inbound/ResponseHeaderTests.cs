using System.Net;
using NcrsGateway.FunctionalTests.ClinicalContext;
using NcrsGateway.Sandbox;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Inbound;

/// <summary>
/// Issue 9 item 6: whatever carries patient data (answers and errors alike, cache hits and 304s included) says
/// <c>Cache-Control: no-store</c> and <c>X-Content-Type-Options: nosniff</c>, and no response names the server.
/// </summary>
public sealed class ResponseHeaderTests(ClinicalContextHost fixture) : IClassFixture<ClinicalContextHost>
{
    public static readonly TheoryData<string, string, string, HttpStatusCode> PatientDataRoutes = new()
    {
        { "GET", $"fhir/Patient/{SandboxPatients.Search}", "clinician", HttpStatusCode.OK },
        { "GET", $"fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{SandboxPatients.Search}", "clinician", HttpStatusCode.OK },
        { "GET", $"fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{NrlSandboxPointers.PatientWithPointers}", "clinician", HttpStatusCode.OK },
        { "GET", $"fhir/DocumentReference/{NrlSandboxPointers.CrisisPlanId}", "clinician", HttpStatusCode.OK },
        { "POST", "fhir/Patient/$verify", "clinician", HttpStatusCode.OK },
        { "POST", "fhir/Patient/$select", "clinician", HttpStatusCode.OK },
        { "POST", "fhir/Patient/$ncrs-launch", "clinician", HttpStatusCode.BadRequest },
        { "GET", "fhir/AuditEvent", "auditor", HttpStatusCode.OK },
        { "GET", "fhir/Patient/9000000000", "clinician", HttpStatusCode.BadRequest },
        { "GET", $"fhir/Patient/{SandboxPatients.Search}", "none", HttpStatusCode.Unauthorized },
        { "GET", "fhir/NoSuchResource", "clinician", HttpStatusCode.NotFound },
        { "POST", "sandbox/token", "none", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(PatientDataRoutes))]
    public async Task PatientDataResponse_IsNoStoreNosniffAndNamesNoServer(string method, string path, string role, HttpStatusCode expected)
    {
        using var client = Client(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Body(path) };

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control on {path}: {response.Headers.CacheControl}");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("fhir/metadata")]
    [InlineData("health/live")]
    [InlineData("health/ready")]
    public async Task PublicResponse_IsNosniffAndNamesNoServer(string path)
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task CachedPatientRead_HitAndNotModified_KeepETagAndCarryNoStore()
    {
        using var client = Client("clinician");
        var path = $"fhir/Patient/{SandboxPatients.Deceased}";
        using var first = await client.GetAsync(path);
        using var hit = await client.GetAsync(path);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(hit.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("HIT", Assert.Single(hit.Headers.GetValues("X-Cache")));
        Assert.Equal(first.Headers.ETag, hit.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(hit.Headers.ETag, notModified.Headers.ETag);
        Assert.All(new[] { first, hit, notModified }, r =>
        {
            Assert.True(r.Headers.CacheControl?.NoStore);
            Assert.Equal("nosniff", Assert.Single(r.Headers.GetValues("X-Content-Type-Options")));
            Assert.False(r.Headers.Contains("Server"));
        });
    }

    private HttpClient Client(string role) => role switch
    {
        "clinician" => fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Clinician, "ws-headers")),
        "auditor" => fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Auditor, "ws-headers")),
        _ => fixture.Host.CreateClient(),
    };

    private static HttpContent? Body(string path) => path switch
    {
        "fhir/Patient/$verify" => ClinicalContextClient.Fhir(
            $$"""{"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{SandboxPatients.Search}}"}],"name":[{"family":"Ashworth"}]}"""),
        "fhir/Patient/$select" => ClinicalContextClient.Fhir(ClinicalContextClient.SelectBody(SandboxPatients.Search)),
        "fhir/Patient/$ncrs-launch" => ClinicalContextClient.Fhir(ClinicalContextClient.LaunchBody(null)),
        "sandbox/token" => new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "demo-clinician", ["workstation"] = "ws-demo" }),
        _ => null,
    };
}
