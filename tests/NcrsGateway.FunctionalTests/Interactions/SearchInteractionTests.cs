using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Interactions;

/// <summary>
/// The search interactions unmodified FHIR clients use: POST <c>_search</c>, <c>_count</c> paging, lenient handling,
/// <c>_summary</c> and <c>_elements</c>, on a real sandbox gateway.
/// </summary>
public sealed class SearchInteractionTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    private const string Demographics = "family=Ashworth&birthdate=ge1960-01-01&birthdate=le2000-12-31";
    private const string Nhs = "https://fhir.nhs.uk/Id/nhs-number|";
    private readonly HttpClient _client = fixture.Host.CreateClinicianClient();

    [Fact]
    public async Task PostSearch_WithAFormBody_FindsWhatTheGetSearchFinds()
    {
        var viaGet = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync($"fhir/Patient?{Demographics}"));
        using var form = new StringContent(Demographics, Encoding.UTF8, "application/x-www-form-urlencoded");

        var viaPost = await FhirAssert.ResourceAsync<Bundle>(await _client.PostAsync("fhir/Patient/_search", form));

        Assert.Equal(viaGet.Entry.Select(e => e.FullUrl), viaPost.Entry.Select(e => e.FullUrl));
        Assert.Equal(2, viaPost.Total);
        Assert.Contains("family=Ashworth", viaPost.SelfLink.ToString(), StringComparison.Ordinal); // the self link is the GET form
    }

    [Theory]
    [InlineData("DocumentReference", "patient:identifier=" + Nhs + NrlSandboxPointersPatient)]
    [InlineData("Immunization", "patient.identifier=" + Nhs + SandboxPatients.Search + "&-immunization.target=MMR,HPV")]
    public async Task PostSearch_OnEverySearchableType_AnswersASearchset(string type, string form)
    {
        using var content = new FormUrlEncodedContent(form.Split('&').Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1])));

        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.PostAsync($"fhir/{type}/_search", content));

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.NotNull(bundle.Total);
    }

    [Fact]
    public async Task PostSearch_WithAFhirJsonBody_Is415WithTheFormatToUse()
    {
        using var json = new StringContent("""{"resourceType":"Parameters"}""", Encoding.UTF8, "application/fhir+json");

        var text = await FhirAssert.OutcomeAsync(await _client.PostAsync("fhir/Patient/_search", json), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        Assert.Contains("x-www-form-urlencoded", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostSearch_WithAnUnknownParameter_IsRefusedLikeTheGetSearch()
    {
        using var form = new StringContent(Demographics + "&colour=blue", Encoding.UTF8, "application/x-www-form-urlencoded");

        await FhirAssert.OutcomeAsync(await _client.PostAsync("fhir/Patient/_search", form), HttpStatusCode.BadRequest, "invalid-search");
    }

    [Fact]
    public async Task Count_OnPatientSearch_PagesThroughEveryMatchWithNextLinks()
    {
        var all = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync($"fhir/Patient?{Demographics}"));
        var seen = new List<string?>();

        var page = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync($"fhir/Patient?{Demographics}&_count=1"));
        var pages = 1;
        seen.AddRange(page.Entry.Select(e => e.FullUrl));
        while (page.NextLink is { } next)
        {
            Assert.True(pages++ < 10, "paging never ends");
            Assert.StartsWith(fixture.Host.FhirBase.ToString(), next.ToString(), StringComparison.Ordinal);
            page = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(next));
            Assert.Single(page.Entry);
            Assert.Equal(all.Total, page.Total);
            seen.AddRange(page.Entry.Select(e => e.FullUrl));
        }

        Assert.Equal(2, pages);
        Assert.Equal(all.Entry.Select(e => e.FullUrl), seen);
        Assert.NotNull(page.PreviousLink);
        Assert.NotNull(page.FirstLink);
    }

    [Fact]
    public async Task Count_AboveTheCap_IsRefusedWithTheRange()
    {
        var text = await FhirAssert.OutcomeAsync(await _client.GetAsync($"fhir/Patient?{Demographics}&_count=1000"), HttpStatusCode.BadRequest, "invalid-search");

        Assert.Contains("from 0 to 100", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountZero_OnImmunizationSearch_AnswersTheTotalOnly()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(
            $"fhir/Immunization?patient.identifier={Nhs}{SandboxPatients.Search}&-immunization.target=MMR,HPV&_count=0"));

        Assert.True(bundle.Total > 0);
        Assert.DoesNotContain(bundle.Entry, e => e.Search.Mode == Bundle.SearchEntryMode.Match);
    }

    [Fact]
    public async Task UnknownParameter_IsRefusedByDefault()
    {
        await FhirAssert.OutcomeAsync(await _client.GetAsync($"fhir/Patient?{Demographics}&colour=blue"), HttpStatusCode.BadRequest, "invalid-search");
    }

    [Fact]
    public async Task UnknownParameter_WithPreferLenient_IsIgnoredAndReportedInAnOutcomeEntry()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Patient?{Demographics}&colour=blue&9000000009=x");
        request.Headers.Add("Prefer", "handling=lenient");

        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.SendAsync(request));

        Assert.Equal(2, bundle.Entry.Count(e => e.Search.Mode == Bundle.SearchEntryMode.Match));
        var outcome = Assert.IsType<OperationOutcome>(Assert.Single(bundle.Entry, e => e.Search.Mode == Bundle.SearchEntryMode.Outcome).Resource);
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(OperationOutcome.IssueSeverity.Warning, issue.Severity);
        Assert.StartsWith("2 search parameter(s) were not recognised and were ignored", issue.Details.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("colour", issue.Details.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("9000000009", issue.Details.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("colour", bundle.SelfLink.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummaryCount_AnswersTheTotalWithNoEntries()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync($"fhir/Patient?{Demographics}&_summary=count"));

        Assert.Equal(2, bundle.Total);
        Assert.Empty(bundle.Entry);
    }

    [Fact]
    public async Task SummaryTrue_OnASearch_SubsetsAndTagsEveryMatch()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync($"fhir/Patient?{Demographics}&_summary=true"));

        Assert.Equal(2, bundle.Entry.Count);
        Assert.All(bundle.Entry.Select(e => Assert.IsType<Patient>(e.Resource)), patient =>
        {
            Assert.Contains(patient.Meta.Tag, t => t.Code == "SUBSETTED");
            Assert.NotEmpty(patient.Name);
            Assert.Null(patient.Text);
            Assert.Empty(patient.Extension);
        });
    }

    [Fact]
    public async Task Elements_OnARead_KeepsOnlyTheNamedElementsAndTagsTheResource()
    {
        var patient = await FhirAssert.ResourceAsync<Patient>(await _client.GetAsync($"fhir/Patient/{SandboxPatients.Search}?_elements=birthDate"));

        Assert.Equal(SandboxPatients.Search, patient.Id);
        Assert.NotNull(patient.BirthDate);
        Assert.Empty(patient.Name);
        Assert.Empty(patient.Address);
        Assert.Contains(patient.Meta.Tag, t => t.Code == "SUBSETTED");
    }

    [Fact]
    public async Task SummaryTrue_OnACachedRead_IsSubsettedOnTheHitToo()
    {
        using (var warm = await _client.GetAsync($"fhir/Patient/{SandboxPatients.Deceased}"))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        using var response = await _client.GetAsync($"fhir/Patient/{SandboxPatients.Deceased}?_summary=true");
        var patient = await FhirAssert.ResourceAsync<Patient>(response);

        Assert.Equal("HIT", response.Headers.GetValues("X-Cache").Single());
        Assert.Contains(patient.Meta.Tag, t => t.Code == "SUBSETTED");
        Assert.Null(patient.Text);
    }

    [Fact]
    public async Task Summary_WithAnUnknownMode_IsRefused()
    {
        await FhirAssert.OutcomeAsync(await _client.GetAsync($"fhir/Patient/{SandboxPatients.Search}?_summary=maybe"), HttpStatusCode.BadRequest, "invalid-request");
    }

    [Theory]
    [InlineData("clinician", "fhir/Patient?family=Ashworth&birthdate=ge1960-01-01&birthdate=le2000-12-31")]
    [InlineData("clinician", "fhir/DocumentReference?patient=Patient/" + NrlSandboxPointersPatient)]
    [InlineData("clinician", "fhir/Immunization?patient=Patient/" + SandboxPatients.Search + "&target-disease=MMR,HPV&date=ge2000-01-01")]
    [InlineData("auditor", "fhir/AuditEvent?_count=5")]
    public async Task EveryEntryFullUrl_ResolvesToThatResourceOrIsAUrn(string role, string search)
    {
        using var client = role == "auditor" ? fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Auditor, "ws-fullurl")) : fixture.Host.CreateClinicianClient();
        using (var read = await _client.GetAsync($"fhir/Patient/{SandboxPatients.Minimal}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode); // the auditor has a row to find
        }

        var bundle = await FhirAssert.ResourceAsync<Bundle>(await client.GetAsync(search));

        Assert.NotEmpty(bundle.Entry);
        foreach (var entry in bundle.Entry)
        {
            if (entry.FullUrl.StartsWith("urn:uuid:", StringComparison.Ordinal))
            {
                continue;
            }

            using var response = await client.GetAsync(entry.FullUrl);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{entry.FullUrl} answers {(int)response.StatusCode}");
            var resource = System.Text.Json.JsonSerializer.Deserialize<Resource>(await response.Content.ReadAsStringAsync(), Core.Fhir.FhirJson.Options)!;
            Assert.Equal((entry.Resource.TypeName, entry.Resource.Id), (resource.TypeName, resource.Id));
        }
    }

    private const string NrlSandboxPointersPatient = NcrsGateway.Sandbox.Nrl.NrlSandboxPointers.PatientWithPointers;
}
