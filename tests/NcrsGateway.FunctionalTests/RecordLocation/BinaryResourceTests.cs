using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Hl7.Fhir.Model;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.RecordLocation;

/// <summary>
/// Issue 16 items 4 and 6: Binary asked for as FHIR answers a FHIR Binary resource (under the configured size, else 406
/// with the next step); the raw document stays the default; a download whose ETag the caller holds answers 304.
/// </summary>
public sealed class BinaryResourceTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClinicianClient();

    [Theory]
    [InlineData("application/fhir+json", "")]
    [InlineData("application/fhir+json; fhirVersion=4.0", "")]
    [InlineData(null, "?_format=json")]
    public async Task AskedForAsFhir_AnswersABinaryResourceWithTheDocumentInBase64(string? accept, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}{query}");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await _client.SendAsync(request);
        var binary = await FhirAssert.ResourceAsync<Binary>(response);

        Assert.Equal("application/pdf", binary.ContentType);
        Assert.Equal(SandboxDocuments.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(binary.Data)));
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task AskedForAsFhir_ADocumentOverTheLimit_Is406WithTheNextStep()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Binary/{NrlSandboxPointers.RespectId}"); // 5 MB: over the 2 MiB default
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));

        var text = await FhirAssert.OutcomeAsync(await _client.SendAsync(request), HttpStatusCode.NotAcceptable, "document-too-large-for-fhir");

        Assert.Contains("2048 KiB", text, StringComparison.Ordinal);
        Assert.Contains("Download the document itself", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotAskedForAsFhir_TheRawDocumentStaysTheDefault()
    {
        using var response = await _client.GetAsync($"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SandboxDocuments.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())));
    }

    [Fact]
    public async Task Download_WithTheDocumentsETag_Answers304WithNoBody()
    {
        using var first = await _client.GetAsync($"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}");
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);
    }

    [Fact]
    public async Task Download_WithAnotherETag_StreamsTheDocument()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-copy\""));

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SandboxDocuments.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())));
    }
}
