using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Fhir;
using NcrsGateway.FunctionalTests.ClinicalContext;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Inbound;

/// <summary>
/// Issue 9 item 7: the body limit counts the bytes actually received, chunked or not, and the server stops
/// reading at the limit: over it, 413 request-too-large as an OperationOutcome, never a parse of the whole body
/// and never a 500. Each test checks how much of its body was sent when the answer came: far less than all of it.
/// </summary>
public sealed class RequestBodyLimitTests(ClinicalContextHost fixture) : IClassFixture<ClinicalContextHost>
{
    private const long TwentyMegabytes = 20L * 1024 * 1024;
    private const long FiftyMegabytes = 50L * 1024 * 1024;
    private const string ParametersPrefix = """{"resourceType":"Parameters","parameter":[{"name":"nhsNumber","valueString":" """;

    [Theory]
    [InlineData("fhir/Patient/$verify", false)]
    [InlineData("fhir/Patient/$verify", true)]
    [InlineData("fhir/Patient/$select", false)]
    [InlineData("fhir/Patient/$ncrs-launch", true)]
    public async Task Operation_TwentyMegabyteBody_Is413AndIsNotReadToTheEnd(string path, bool declareLength)
    {
        var bearer = TestTokens.Mint(TestTokens.Clinician, "ws-limits");

        var upload = await RawUpload.PostAsync(fixture.Host.BaseAddress, path, bearer, FhirJson.MediaType, ParametersPrefix, TwentyMegabytes, declareLength);

        AssertRefusedEarly(upload);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SandboxToken_FiftyMegabyteForm_Is413NotServerError(bool declareLength)
    {
        var upload = await RawUpload.PostAsync(fixture.Host.BaseAddress, "sandbox/token", null, "application/x-www-form-urlencoded", "user=demo-clinician&workstation=", FiftyMegabytes, declareLength);

        AssertRefusedEarly(upload);
    }

    [Fact]
    public async Task SandboxToken_FormOverItsOwnFourKilobyteLimit_Is413ThoughUnderTheGatewayLimit()
    {
        using var client = fixture.Host.CreateClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "demo-clinician", ["workstation"] = new string('w', 5 * 1024) });

        using var response = await client.PostAsync("sandbox/token", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("request-too-large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxToken_FormWithManyFields_Is400NotServerError()
    {
        using var client = fixture.Host.CreateClient();
        var fields = Enumerable.Range(0, 40).ToDictionary(i => $"f{i}", _ => "x");
        fields["user"] = "demo-clinician";

        using var response = await client.PostAsync("sandbox/token", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid-request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_BodyJustUnderTheDefaultLimit_IsStillRead()
    {
        using var client = fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Clinician, "ws-limits"));
        var patient = $$"""{"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{SandboxPatients.Search}}"}],"name":[{"family":"Ashworth"}]}""";
        var padded = patient[..^1] + new string(' ', (60 * 1024) - patient.Length) + "}";

        using var response = await client.PostAsync("fhir/Patient/$verify", ClinicalContextClient.Fhir(padded));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ConfiguredLimit_IsTheOneEnforced()
    {
        var settings = TestTokens.Settings();
        settings["Gateway:MaxRequestBodyBytes"] = "2048";
        await using var host = await GatewayHost.StartAsync(settings, b => b.Services.AddSingleton<Core.Audit.IAuditTrail>(new InMemoryAuditTrail()));
        using var client = host.CreateClient(TestTokens.Mint(TestTokens.Clinician, "ws-limits"));
        var body = ClinicalContextClient.SelectBody(SandboxPatients.Search);

        using var small = await client.PostAsync("fhir/Patient/$select", ClinicalContextClient.Fhir(body));
        using var large = await client.PostAsync("fhir/Patient/$select", ClinicalContextClient.Fhir(body[..^1] + new string(' ', 4096) + "}"));

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("1073741824")]
    public async Task Start_WithMaxRequestBodyBytesOutOfRange_FailsNamingTheKey(string value)
    {
        var settings = TestTokens.Settings();
        settings["Gateway:MaxRequestBodyBytes"] = value;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(settings));

        Assert.Contains("MaxRequestBodyBytes", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>413 request-too-large, answered while most of the body was still unsent: the server stopped reading.</summary>
    private static void AssertRefusedEarly(RawUpload.Result upload)
    {
        Assert.StartsWith("HTTP/1.1 413", upload.StatusLine, StringComparison.Ordinal);
        Assert.Contains("request-too-large", upload.Response, StringComparison.Ordinal);
        Assert.Contains("no-store", upload.Response, StringComparison.Ordinal);
        Assert.True(upload.Sent < upload.Total / 2, $"{upload.Sent} of {upload.Total} bytes were sent before the refusal");
    }
}
