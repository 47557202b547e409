using System.Net;
using NcrsGateway.Sandbox;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Caching;

/// <summary>Pointer metadata is cached per patient, query and organisation; document content never is.</summary>
public sealed class PointerCacheTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    private static string Search(string nhsNumber) =>
        $"fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{nhsNumber}";

    private int UpstreamCalls(string pathPart) =>
        fixture.Sandbox.Server.LogEntries.Count(e => e.RequestMessage.Path.Contains(pathPart, StringComparison.Ordinal));

    [Fact]
    public async Task PointerSearch_Repeated_IsServedFromCacheWithOneNrlCall()
    {
        using var client = fixture.Host.CreateClinicianClient();
        var before = UpstreamCalls("/record-locator/");

        using var first = await client.GetAsync(Search(NrlSandboxPointers.PatientWithTwoPointers));
        using var second = await client.GetAsync(Search(NrlSandboxPointers.PatientWithTwoPointers));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("MISS", first.Headers.GetValues("X-Cache").Single());
        Assert.Equal("HIT", second.Headers.GetValues("X-Cache").Single());
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(before + 1, UpstreamCalls("/record-locator/"));
    }

    [Fact]
    public async Task PointerSearch_FromAnotherOrganisation_IsNeverServedTheFirstOrganisationsAnswer()
    {
        using var first = fixture.Host.CreateClient(TestTokens.Mint(new TestUser("org-a-user", "clinician", "A11111"), "ws-a"));
        using var second = fixture.Host.CreateClient(TestTokens.Mint(new TestUser("org-b-user", "clinician", "B22222"), "ws-b"));

        using (var a = await first.GetAsync(Search(NrlSandboxPointers.PatientWithPointers)))
        {
            Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        }

        using var b = await second.GetAsync(Search(NrlSandboxPointers.PatientWithPointers));

        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Equal("MISS", b.Headers.GetValues("X-Cache").Single());
    }

    [Fact]
    public async Task DocumentDownload_Repeated_GoesToTheRepositoryEveryTimeAndIsNeverMarkedCached()
    {
        using var client = fixture.Host.CreateClinicianClient();
        var before = UpstreamCalls(SandboxDocuments.PdfPath);

        for (var i = 0; i < 2; i++)
        {
            using var download = await client.GetAsync($"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.False(download.Headers.Contains("X-Cache"));
            Assert.Contains("no-store", download.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(before + 2, UpstreamCalls(SandboxDocuments.PdfPath));
    }
}
