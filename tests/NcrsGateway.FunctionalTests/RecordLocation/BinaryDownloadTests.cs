using System.Net;
using System.Security.Cryptography;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.RecordLocation;

/// <summary>Downloading documents through the gateway from the sandbox repository.</summary>
public sealed class BinaryDownloadTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClinicianClient();

    [Fact]
    public async Task Download_FiveMegabyteDocument_StreamsIntactWithNoStoreHeadersAndLeavesNoCopyOnDisk()
    {
        var started = DateTime.UtcNow.AddSeconds(-1);
        var marker = SandboxDocuments.LargePdf.AsSpan(SandboxDocuments.LargePdf.Length / 2, 64).ToArray();

        using var response = await _client.GetAsync($"fhir/Binary/{NrlSandboxPointers.RespectId}", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SandboxDocuments.LargePdfSha256, hash);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("no-cache", response.Headers.Pragma.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.False(response.Headers.Contains("Set-Cookie"));

        // No file written during the download (temp dir, content root, app base) holds any of the document's bytes.
        string[] roots = [Path.GetTempPath(), fixture.Host.App.Environment.ContentRootPath, AppContext.BaseDirectory];
        var written = roots.Distinct()
            .SelectMany(r => new DirectoryInfo(r).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }))
            .Where(f => f.LastWriteTimeUtc >= started && f.Length >= marker.Length)
            .ToList();
        Assert.DoesNotContain(written, f => Holds(f, marker));
    }

    [Fact]
    public async Task Download_Document_SendsTheCorrelationIdAndGatewayHeadersButNoCallerCredentialsToTheRepository()
    {
        var correlationId = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}");
        request.Headers.Add("X-Correlation-ID", correlationId);
        request.Headers.Add("Cookie", "session=caller-secret");
        request.Headers.Add("X-Caller-Secret", "caller-secret");

        using var response = await _client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SandboxDocuments.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var fetch = fixture.Sandbox.Server.LogEntries.Single(e =>
            e.RequestMessage.Path == SandboxDocuments.PdfPath && e.RequestMessage.Headers!["X-Correlation-ID"].Contains(correlationId));
        var headers = fetch.RequestMessage.Headers!;
        Assert.True(Guid.TryParse(headers["X-Request-ID"].Single(), out _));
        Assert.False(string.IsNullOrEmpty(headers["NHSD-End-User-Organisation-ODS"].Single()));
        Assert.False(headers.ContainsKey("Cookie"));
        Assert.False(headers.ContainsKey("X-Caller-Secret"));
        Assert.DoesNotContain(headers, h => h.Value.Any(v => v.Contains("caller-secret", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("fhir/Binary/https%3A%2F%2Fevil.example%2Fsecret.pdf")]
    [InlineData("fhir/Binary/evil.example")]
    [InlineData("fhir/Binary/XSB01-..%2F..%2Fadmin")]
    [InlineData("fhir/Binary/http:%2F%2F127.0.0.1%2Fdocuments%2Fcrisis-plan.pdf")]
    public async Task Download_ArbitraryUrlInsteadOfAPointerId_IsRefusedWithoutAnyOutboundCall(string url)
    {
        var (response, upstreamCalls) = await fixture.GetCorrelatedAsync(_client, url);
        using var answer = response;

        Assert.True(answer.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"Got {(int)answer.StatusCode}");
        Assert.Equal("application/fhir+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, upstreamCalls);
    }

    [Fact]
    public async Task Download_UrlPassedAsQueryParameter_IsRefusedWithoutAnyOutboundCall()
    {
        var (response, upstreamCalls) = await fixture.GetCorrelatedAsync(_client, $"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}?url=https://evil.example/");

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(0, upstreamCalls);
    }

    [Fact]
    public async Task Download_UnknownPointer_Returns404PointerNotFound()
    {
        await FhirAssert.OutcomeAsync(
            await _client.GetAsync("fhir/Binary/XSB01-00000000-0000-4000-8000-000000000000"), HttpStatusCode.NotFound, "pointer-not-found");
    }

    private static bool Holds(FileInfo file, byte[] marker)
    {
        try
        {
            return File.ReadAllBytes(file.FullName).AsSpan().IndexOf(marker) >= 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
