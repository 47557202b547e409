using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Fhir;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Immunisations;

/// <summary>
/// Issue 10 item 6: <c>GET /fhir/Immunization</c> on the sandbox host serves a patient's vaccinations from the simulated
/// national Immunisation FHIR API as a UK Core searchset, with provenance and explicit absent states, never cached.
/// </summary>
public sealed class ImmunizationSearchTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    private const string UkCoreImmunization = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Immunization";

    private readonly HttpClient _client = fixture.Host.CreateClinicianClient();

    private string GatewayBase => fixture.Host.FhirBase.ToString().TrimEnd('/');

    private static string Search(string nhsNumber, string targets, string parameter = "patient.identifier") =>
        $"fhir/Immunization?{parameter}=https://fhir.nhs.uk/Id/nhs-number|{nhsNumber}&-immunization.target={targets}";

    [Fact]
    public async Task Search_SandboxPatient_ReturnsTheirVaccinationsAsAUkCoreSearchsetWithProvenance()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(Search(SandboxPatients.Search, "MMR,HPV")));

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(3, bundle.Total);
        var immunizations = bundle.Entry.Select(e => Assert.IsType<Immunization>(e.Resource)).ToList();
        Assert.Equal(3, immunizations.Count);
        Assert.All(bundle.Entry, e =>
        {
            Assert.Equal(Bundle.SearchEntryMode.Match, e.Search.Mode);
            Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", e.FullUrl); // no Immunization read: nothing that answers 404
        });
        Assert.All(immunizations, i =>
        {
            Assert.Contains(UkCoreImmunization, i.Meta.Profile);
            Assert.Equal("urn:ncrs-gateway:source:immunisation", i.Meta.Source);
            Assert.NotNull(i.Meta.GetExtension(GatewayExtensions.ProvenanceUrl));
            Assert.Equal(Immunization.ImmunizationStatusCodes.Completed, i.Status);
            Assert.Equal(SandboxPatients.Search, i.Patient.Identifier.Value);
            Assert.Equal("https://fhir.nhs.uk/Id/nhs-number", i.Patient.Identifier.System);
            Assert.Equal("http://snomed.info/sct", i.VaccineCode.Coding.Single().System);
        });
        var dates = immunizations.Select(i => ((FhirDateTime)i.Occurrence).Value).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates); // newest first
        Assert.StartsWith(GatewayBase + "/Immunization?", bundle.SelfLink.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Sandbox.BaseUrl.Authority, bundle.SelfLink.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TargetFilter_ReturnsOnlyThatVaccineType()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(Search(SandboxPatients.Search, "HPV", "patient:identifier")));

        var immunization = Assert.IsType<Immunization>(Assert.Single(bundle.Entry).Resource);
        Assert.Equal("240532009", immunization.ProtocolApplied.Single().TargetDisease.Single().Coding.Single().Code);
    }

    [Fact]
    public async Task Search_DateBounds_ReturnOnlyVaccinationsGivenBetweenThem()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(
            await _client.GetAsync(Search(SandboxPatients.Deceased, "COVID19,FLU") + "&-date.from=2021-03-01&-date.to=2021-12-31"));

        var immunization = Assert.IsType<Immunization>(Assert.Single(bundle.Entry).Resource);
        Assert.StartsWith("2021-04-08", ((FhirDateTime)immunization.Occurrence).Value, StringComparison.Ordinal);
        Assert.Contains("-date.from=2021-03-01", bundle.SelfLink.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_RestrictedPatient_WithholdsPerformerAndLocationWithTheAbsentState()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(Search(SandboxPatients.Restricted, "FLU")));

        var immunization = Assert.IsType<Immunization>(Assert.Single(bundle.Entry).Resource);
        var actor = immunization.Performer.Single().Actor;
        Assert.Null(actor.Identifier);
        Assert.Equal("masked", ((Code)actor.GetExtension(GatewayExtensions.DataAbsentReasonUrl).Value!).Value);
        Assert.Equal("withheld", ((Code)actor.GetExtension(GatewayExtensions.ElementStateUrl).Value!).Value);
        Assert.Null(immunization.Location.Identifier);
        Assert.Equal("withheld", ((Code)immunization.Location.GetExtension(GatewayExtensions.ElementStateUrl).Value!).Value);
        Assert.DoesNotContain("N2N9I", await (await _client.GetAsync(Search(SandboxPatients.Restricted, "FLU"))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MalformedNationalRecord_IsLeftOutWithAWarningEntry()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(Search(SandboxPatients.Deceased, "RSV")));

        Assert.Equal(0, bundle.Total);
        var outcome = Assert.IsType<OperationOutcome>(Assert.Single(bundle.Entry).Resource);
        Assert.Equal(OperationOutcome.IssueType.Incomplete, outcome.Issue.Single().Code);
    }

    [Fact]
    public async Task Search_PatientWithNoVaccinations_ReturnsAnEmptySearchset()
    {
        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _client.GetAsync(Search(SandboxPatients.NotFound, "FLU,COVID19")));

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(0, bundle.Total);
        Assert.Empty(bundle.Entry);
    }

    [Fact]
    public async Task Search_NotPermittedVaccineType_Is403WithANextStep()
    {
        var text = await FhirAssert.OutcomeAsync(
            await _client.GetAsync(Search(SandboxPatients.Search, "PERTUSSIS")), HttpStatusCode.Forbidden, "vaccine-type-not-permitted");
        Assert.Contains("fewer", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("fhir/Immunization?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9000000000&-immunization.target=FLU", "invalid-nhs-number")]
    [InlineData("fhir/Immunization?-immunization.target=FLU", "invalid-search")]
    [InlineData("fhir/Immunization", "invalid-search")]
    [InlineData("fhir/Immunization?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9000000017", "invalid-search")]
    [InlineData("fhir/Immunization?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9000000017&-immunization.target=FLU&vaccine-code=X", "invalid-search")]
    [InlineData("fhir/Immunization?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9000000017&-immunization.target=FLU&-date.from=2022-01-01&-date.to=2021-01-01", "invalid-search")]
    [InlineData("fhir/Immunization?patient.identifier=9000000017&-immunization.target=FLU", "invalid-search")]
    public async Task Search_InvalidRequest_Returns400BeforeAnyUpstreamCall(string url, string code)
    {
        var (response, upstreamCalls) = await fixture.GetCorrelatedAsync(_client, url);

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Equal(0, upstreamCalls);
    }

    [Fact]
    public async Task Search_Unauthenticated_Is401OperationOutcome()
    {
        using var anonymous = fixture.Host.CreateClient();

        await FhirAssert.OutcomeAsync(await anonymous.GetAsync(Search(SandboxPatients.Search, "MMR")), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Search_CorrelationId_ReachesTheNationalApi()
    {
        var correlationId = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, Search(SandboxPatients.Search, "MMR"));
        request.Headers.Add("X-Correlation-ID", correlationId);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(correlationId, response.Headers.GetValues("X-Correlation-ID").Single());
        Assert.Equal(1, fixture.UpstreamCallsFor(correlationId));
    }

    [Fact]
    public async Task Search_TwiceTheSame_BothReachTheNationalApiAndNeitherMayBeStored()
    {
        var correlationId = Guid.NewGuid().ToString();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Search(SandboxPatients.Deceased, "COVID19"));
            request.Headers.Add("X-Correlation-ID", correlationId);
            responses.Add(await _client.SendAsync(request));
        }

        Assert.Equal(2, fixture.UpstreamCallsFor(correlationId)); // no cache hit
        Assert.All(responses, r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.True(r.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
            Assert.False(r.Headers.Contains("X-Cache"));
        });
        responses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Metadata_ListsImmunizationSearchWithItsParametersAndTheUkCoreProfile()
    {
        var statement = await FhirAssert.ResourceAsync<CapabilityStatement>(await _client.GetAsync("fhir/metadata"));

        var immunization = Assert.Single(statement.Rest[0].Resource, r => r.Type == "Immunization");
        Assert.Equal(UkCoreImmunization, immunization.Profile);
        Assert.Equal([CapabilityStatement.TypeRestfulInteraction.SearchType], immunization.Interaction.Select(i => i.Code!.Value).ToArray());
        Assert.Equal(["patient", "target-disease", "date"], immunization.SearchParam.Select(p => p.Name ?? string.Empty).ToArray()); // standard names; the national spellings are documented on each
    }
}
