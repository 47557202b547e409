using System.Text;
using NcrsGateway.Core.Adapters;

namespace NcrsGateway.Caching.Tests;

public sealed class CacheAdmissionTests
{
    private const string FhirJson = "application/fhir+json";

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"9000000009"}""")]
    [InlineData("""{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Patient"}},{"resource":{"resourceType":"OperationOutcome"}}]}""")]
    public void Ensure_ProfilesOwnTypesOrASearchsetOfThem_IsAdmitted(string body) =>
        CacheAdmission.EnsureMetadataOnly(TestProfiles.Demographics, Encoding.UTF8.GetBytes(body), FhirJson);

    [Theory]
    [InlineData("""{"resourceType":"DocumentReference","status":"current"}""")]
    [InlineData("""{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"DocumentReference"}}]}""")]
    [InlineData("""{"resourceType":"Binary","data":"aGk="}""")]
    [InlineData("""{"resourceType":"OperationOutcome"}""")]
    public void Ensure_TypeTheProfileDoesNotList_IsRefused(string body) =>
        Assert.Throws<NotCacheableException>(() => CacheAdmission.EnsureMetadataOnly(TestProfiles.Demographics, Encoding.UTF8.GetBytes(body), FhirJson));

    [Fact]
    public void Ensure_NeverCacheProfile_RefusesEvenItsOwnContent()
    {
        var body = Encoding.UTF8.GetBytes("""{"resourceType":"Immunization","status":"completed"}""");

        var error = Assert.Throws<NotCacheableException>(() => CacheAdmission.EnsureMetadataOnly(TestProfiles.Clinical, body, FhirJson));

        Assert.Contains("never cached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ensure_ProfileWithoutLifetime_IsRefused()
    {
        var lifeless = new CacheProfile("lifeless", TimeSpan.Zero, ["Patient"]);

        Assert.Throws<NotCacheableException>(() => CacheAdmission.EnsureMetadataOnly(lifeless, Encoding.UTF8.GetBytes("""{"resourceType":"Patient"}"""), FhirJson));
    }

    [Theory]
    [InlineData("application/pdf", "%PDF-1.4")]
    [InlineData(FhirJson, """{"resourceType":"DocumentReference","content":[{"attachment":{"data":"JVBERi0xLjQK"}}]}""")]
    [InlineData(FhirJson, "not json")]
    public void Ensure_DocumentContentOrNonFhir_IsRefused(string contentType, string body) =>
        Assert.Throws<NotCacheableException>(() => CacheAdmission.EnsureMetadataOnly(TestProfiles.Pointers, Encoding.UTF8.GetBytes(body), contentType));
}
