using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using NcrsGateway.Sandbox;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Interactions;

/// <summary>HEAD, content negotiation (406, 415) and conditional reads (304, Last-Modified), on a real sandbox gateway.</summary>
public sealed class HttpInteractionTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClinicianClient();

    [Theory]
    [InlineData("fhir/Patient/" + SandboxPatients.Search)]
    [InlineData("fhir/Patient?family=Ashworth&birthdate=eq1968-04-17")]
    [InlineData("fhir/DocumentReference/" + NrlSandboxPointers.EndOfLifeSummaryId)]
    public async Task Head_OnAReadOrSearch_AnswersTheGetHeadersWithNoBody(string path)
    {
        using var get = await _client.GetAsync(path);
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("application/fhir+json", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.True(head.Content.Headers.ContentLength > 0);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
    }

    [Fact]
    public async Task Head_OnMetadata_IsAnonymous()
    {
        using var anonymous = fixture.Host.CreateClient();

        using var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "fhir/metadata"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task WrongMethod_OnARead_ListsHeadInAllow()
    {
        using var response = await _client.PostAsync($"fhir/Patient/{SandboxPatients.Search}", new StringContent("{}", Encoding.UTF8, "application/fhir+json"));

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("application/fhir+json; fhirVersion=3.0")]
    [InlineData("application/fhir+json; q=0")]
    [InlineData("application/fhir+xml")]
    public async Task Accept_NamingAnotherVersionOrRefusingJson_Is406(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Patient/{SandboxPatients.Search}");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        await FhirAssert.OutcomeAsync(await _client.SendAsync(request), HttpStatusCode.NotAcceptable, "unsupported-format");
    }

    [Theory]
    [InlineData("application/fhir+json; fhirVersion=4.0")]
    [InlineData("application/fhir+json; fhirVersion=4.0.1, application/fhir+xml; q=0.5")]
    public async Task Accept_NamingR4_IsServed(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Patient/{SandboxPatients.Search}");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        await FhirAssert.ResourceAsync<Patient>(await _client.SendAsync(request));
    }

    [Fact]
    public async Task Operation_WithAnotherMediaType_Is415()
    {
        using var body = new StringContent("""{"resourceType":"Parameters"}""", Encoding.UTF8, "text/plain");

        await FhirAssert.OutcomeAsync(await _client.PostAsync("fhir/Patient/$verify", body), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task DocumentReferenceRead_WithItsETag_Answers304()
    {
        using var first = await _client.GetAsync($"fhir/DocumentReference/{NrlSandboxPointers.EndOfLifeSummaryId}");
        Assert.NotNull(first.Headers.ETag);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/DocumentReference/{NrlSandboxPointers.EndOfLifeSummaryId}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PatientRead_SinceItsLastModified_Answers304()
    {
        using var first = await _client.GetAsync($"fhir/Patient/{SandboxPatients.Minimal}");
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(lastModified);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Patient/{SandboxPatients.Minimal}");
        request.Headers.IfModifiedSince = lastModified;
        using var again = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task PatientRead_WithAnOldETag_AnswersTheRecord()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Patient/{SandboxPatients.Minimal}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-this-version\"", isWeak: true));

        await FhirAssert.ResourceAsync<Patient>(await _client.SendAsync(request));
    }
}
