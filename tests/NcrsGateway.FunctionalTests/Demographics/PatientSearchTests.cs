using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Demographics;

public sealed class PatientSearchTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClinicianClient();

    [Fact]
    public async Task Search_ByDemographics_ReturnsScoredMatchesLinkedToTheGatewayNotUpstream()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(
            await _client.GetAsync("fhir/Patient?family=Ashworth&birthdate=ge1960-01-01&birthdate=le2000-12-31"));

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(2, bundle.Total);
        Assert.Equal(2, bundle.Entry.Count);
        var gatewayBase = fixture.Host.FhirBase.ToString().TrimEnd('/');
        Assert.All(bundle.Entry, e =>
        {
            Assert.StartsWith(gatewayBase + "/Patient/", e.FullUrl, StringComparison.Ordinal);
            Assert.Equal(Bundle.SearchEntryMode.Match, e.Search.Mode);
            Assert.NotNull(e.Search.Score);
        });
        Assert.StartsWith(gatewayBase + "/Patient?", bundle.SelfLink.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Sandbox.BaseUrl.Authority, bundle.SelfLink.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ExactDemographics_FindsTheOnePatientWithItsScore()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync("fhir/Patient?family=Ashworth&birthdate=eq1968-04-17"));

        var entry = Assert.Single(bundle.Entry);
        Assert.Equal(SandboxPatients.Search, entry.Resource.Id);
        Assert.Equal(1m, entry.Search.Score);
    }

    [Fact]
    public async Task Search_TooManyMatches_TellsTheCallerToRefineInsteadOfReturningAnEmptyBundle()
    {
        var text = await FhirAssert.OutcomeAsync(
            await _client.GetAsync("fhir/Patient?family=Toomany&birthdate=eq2000-01-01"), HttpStatusCode.UnprocessableEntity, "too-many-matches");
        Assert.Contains("Add more details", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NoMatches_ReturnsAnEmptySearchset()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync("fhir/Patient?family=Nobody&birthdate=eq2000-01-01"));

        Assert.Equal(0, bundle.Total);
        Assert.Empty(bundle.Entry);
    }

    [Fact]
    public async Task Search_ByNhsNumberIdentifier_ReturnsThatPatient()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(
            await _client.GetAsync($"fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{SandboxPatients.Minimal}"));

        Assert.Equal(SandboxPatients.Minimal, Assert.Single(bundle.Entry).Resource.Id);
    }

    [Fact]
    public async Task Search_BySupersededNhsNumber_ReturnsTheCurrentPatientWhoseLinkNamesTheOldNumber()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(
            await _client.GetAsync($"fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{SandboxPatients.SupersededOld}"));

        var patient = Assert.IsType<Patient>(Assert.Single(bundle.Entry).Resource);
        Assert.Equal(SandboxPatients.Search, patient.Id);
        Assert.Equal(SandboxPatients.Search, Assert.Single(patient.Identifier).Value); // one NHS number, as UK Core allows
        var link = Assert.Single(patient.Link);
        Assert.Equal(Patient.LinkType.Replaces, link.Type);
        Assert.Equal($"Patient/{SandboxPatients.SupersededOld}", link.Other.Reference);
        Assert.Equal(SandboxPatients.SupersededOld, link.Other.Identifier.Value);
    }

    [Fact]
    public async Task Search_ByUnknownNhsNumberIdentifier_ReturnsAnEmptySearchset()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(
            await _client.GetAsync($"fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{SandboxPatients.NotFound}"));

        Assert.Empty(bundle.Entry);
    }

    [Theory]
    [InlineData("fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9000000000", "invalid-nhs-number")]
    [InlineData("fhir/Patient?identifier=9000000009", "invalid-search")]
    [InlineData("fhir/Patient?family=Ashworth", "invalid-search")]
    [InlineData("fhir/Patient?family=Ashworth&birthdate=1968-13-45", "invalid-search")]
    [InlineData("fhir/Patient?family=Ashworth&birthdate=gt1968-04-17", "invalid-search")]
    [InlineData("fhir/Patient?family=Ashworth&birthdate=eq1968-04-17&nickname=Ellie", "invalid-search")]
    [InlineData("fhir/Patient?family=Ashworth&birthdate=eq1968-04-17&_max-results=51", "invalid-search")]
    [InlineData("fhir/Patient?family=Ashworth&birthdate=eq1968-04-17&gender=f", "invalid-search")]
    public async Task Search_BadInput_Returns400AndMakesNoUpstreamCall(string url, string code)
    {
        var (response, upstreamCalls) = await fixture.GetCorrelatedAsync(_client, url);

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Equal(0, upstreamCalls);
    }

    [Theory]
    [InlineData("fhir/Patient?family=*&birthdate=ge1900-01-01&birthdate=le2025-12-31")]
    [InlineData("fhir/Patient?family=**&birthdate=ge1900-01-01&birthdate=le2025-12-31")]
    [InlineData("fhir/Patient?family=A*&birthdate=ge1900-01-01&birthdate=le2025-12-31")]
    [InlineData("fhir/Patient?family=Ashworth&given=*&birthdate=ge1900-01-01&birthdate=le2025-12-31")]
    public async Task Search_WildcardOnlyName_Is400WithANextStepAndMakesNoUpstreamCall(string url)
    {
        var (response, upstreamCalls) = await fixture.GetCorrelatedAsync(_client, url);

        var text = await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadRequest, "invalid-search");
        Assert.Contains("wildcard", text, StringComparison.Ordinal);
        Assert.Contains("search by NHS number", text, StringComparison.Ordinal);
        Assert.Equal(0, upstreamCalls);
    }

    [Fact]
    public async Task Search_WildcardAfterTwoLetters_IsSearched()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(
            await _client.GetAsync("fhir/Patient?family=As*&birthdate=ge1960-01-01&birthdate=le2000-12-31"));

        Assert.Equal(2, bundle.Total);
    }
}
