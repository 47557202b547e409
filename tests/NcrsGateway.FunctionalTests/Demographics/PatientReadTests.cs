using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Demographics;

public sealed class PatientReadTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    private const string ProvenanceUrl = "https://ncrs-gateway.nhs.example/fhir/StructureDefinition/Extension-NcrsGateway-Provenance";
    private const string StateUrl = "https://ncrs-gateway.nhs.example/fhir/StructureDefinition/Extension-NcrsGateway-ElementState";
    private readonly HttpClient _client = fixture.Host.CreateClinicianClient();

    [Fact]
    public async Task Read_SandboxPatient_ReturnsUkCorePatientWithProvenanceAndEtag()
    {
        using var response = await _client.GetAsync($"fhir/Patient/{SandboxPatients.Deceased}");

        var patient = await FhirAssert.ResourceAsync<Patient>(response);
        Assert.Equal(SandboxPatients.Deceased, patient.Id);
        Assert.Contains("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient", patient.Meta.Profile);
        Assert.Equal("urn:ncrs-gateway:source:pds", patient.Meta.Source);
        var provenance = patient.Meta.GetExtension(ProvenanceUrl);
        Assert.Equal("pds", provenance.GetExtensionValue<Code>("source").Value);
        Assert.NotNull(provenance.GetExtensionValue<Instant>("retrieved").Value);
        Assert.Equal(patient.Meta.VersionId, provenance.GetExtensionValue<FhirString>("upstreamVersion").Value);
        Assert.Equal($"W/\"{patient.Meta.VersionId}\"", response.Headers.ETag?.ToString());
        Assert.True(response.Headers.Contains("X-Correlation-ID"));
    }

    [Fact]
    public async Task Read_DeceasedPatient_ShowsDateOfDeathAndFormalNotification()
    {
        var patient = await FhirAssert.ResourceAsync<Patient>(await _client.GetAsync($"fhir/Patient/{SandboxPatients.Deceased}"));

        Assert.IsType<FhirDateTime>(patient.Deceased);
        var status = patient.GetExtension("https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-DeathNotificationStatus")
            .GetExtensionValue<CodeableConcept>("deathNotificationStatus");
        Assert.Equal("2", status.Coding[0].Code);
    }

    [Fact]
    public async Task Read_InformallyDeceasedPatient_SaysTheNotificationIsInformal()
    {
        var patient = await FhirAssert.ResourceAsync<Patient>(await _client.GetAsync($"fhir/Patient/{SandboxPatients.InformallyDeceased}"));

        var status = patient.GetExtension("https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-DeathNotificationStatus")
            .GetExtensionValue<CodeableConcept>("deathNotificationStatus");
        Assert.Equal("1", status.Coding[0].Code);
    }

    [Fact]
    public async Task Read_SupersededNhsNumber_ReturnsInactivePatientUnderTheOldNumberReplacedByTheCurrentRecord()
    {
        using var response = await _client.GetAsync($"fhir/Patient/{SandboxPatients.SupersededOld}");

        var patient = await FhirAssert.ResourceAsync<Patient>(response);
        Assert.Equal(SandboxPatients.SupersededOld, patient.Id);
        Assert.False(patient.Active);
        var link = Assert.Single(patient.Link);
        Assert.Equal(Patient.LinkType.ReplacedBy, link.Type);
        Assert.Equal($"Patient/{SandboxPatients.Search}", link.Other.Reference);
        Assert.Equal(SandboxPatients.SupersededOld, Assert.Single(patient.Identifier).Value);
        Assert.Contains("superseded", patient.Text.Div, StringComparison.Ordinal);
        Assert.Empty(patient.Name); // nothing to file against the old number
        Assert.EndsWith($"/fhir/Patient/{SandboxPatients.Search}", response.Content.Headers.ContentLocation?.ToString());
    }

    [Fact]
    public async Task Read_RestrictedPatient_ShowsContactsWithheldWithTheirNameMasked()
    {
        var patient = await FhirAssert.ResourceAsync<Patient>(await _client.GetAsync($"fhir/Patient/{SandboxPatients.Restricted}"));

        var contact = Assert.Single(patient.Contact);
        Assert.Equal("withheld", contact.GetExtensionValue<Code>(StateUrl).Value);
        Assert.Equal("masked", contact.Name.GetExtensionValue<Code>("http://hl7.org/fhir/StructureDefinition/data-absent-reason").Value);
        Assert.Null(contact.Name.Family);
    }

    [Fact]
    public async Task Read_RestrictedPatient_MarksAddressTelecomAndGpWithheldNotMissing()
    {
        var patient = await FhirAssert.ResourceAsync<Patient>(await _client.GetAsync($"fhir/Patient/{SandboxPatients.Restricted}"));

        Assert.Equal("R", patient.Meta.Security.Single().Code);
        Assert.Equal("withheld", Assert.Single(patient.Address).GetExtensionValue<Code>(StateUrl).Value);
        Assert.Equal("masked", patient.Address[0].GetExtensionValue<Code>("http://hl7.org/fhir/StructureDefinition/data-absent-reason").Value);
        Assert.Null(patient.Address[0].PostalCode);
        Assert.Equal("withheld", Assert.Single(patient.Telecom).GetExtensionValue<Code>(StateUrl).Value);
        Assert.Equal("withheld", Assert.Single(patient.GeneralPractitioner).GetExtensionValue<Code>(StateUrl).Value);
    }

    [Fact]
    public async Task Read_MinimalUnrestrictedPatient_LeavesUnrecordedElementsOut()
    {
        var patient = await FhirAssert.ResourceAsync<Patient>(await _client.GetAsync($"fhir/Patient/{SandboxPatients.Minimal}"));

        Assert.Empty(patient.Address);
        Assert.Empty(patient.Telecom);
        Assert.Empty(patient.GeneralPractitioner);
        Assert.Null(patient.Deceased);
    }

    [Fact]
    public async Task Read_InvalidatedRecord_Returns404TellingTheUserNotToUseTheNumber()
    {
        var text = await FhirAssert.OutcomeAsync(await _client.GetAsync($"fhir/Patient/{SandboxPatients.Invalidated}"), HttpStatusCode.NotFound, "patient-record-invalidated");
        Assert.Contains("Do not use it", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_UnknownPatient_Returns404PatientNotFound()
    {
        await FhirAssert.OutcomeAsync(await _client.GetAsync($"fhir/Patient/{SandboxPatients.NotFound}"), HttpStatusCode.NotFound, "patient-not-found");
    }

    [Theory]
    [InlineData("9000000000")]
    [InlineData("900000000")]
    [InlineData("abcdefghij")]
    [InlineData("0000000000")]
    public async Task Read_InvalidNhsNumber_Returns400AndMakesNoUpstreamCall(string candidate)
    {
        var (response, upstreamCalls) = await fixture.GetCorrelatedAsync(_client, $"fhir/Patient/{candidate}");

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadRequest, "invalid-nhs-number");
        Assert.Equal(0, upstreamCalls);
    }

    [Fact]
    public async Task Read_CallerCorrelationId_IsEchoedAndSentUpstreamWithPdsHeaders()
    {
        const string correlationId = "ward-7.bed-3:req-42";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Patient/{SandboxPatients.Search}");
        request.Headers.Add("X-Correlation-ID", correlationId);

        using var response = await _client.SendAsync(request);

        await FhirAssert.ResourceAsync<Patient>(response);
        Assert.Equal(correlationId, response.Headers.GetValues("X-Correlation-ID").Single());
        var upstream = Assert.Single(fixture.Sandbox.Server.LogEntries, e =>
            e.RequestMessage.Headers!.TryGetValue("X-Correlation-ID", out var v) && v.Contains(correlationId)).RequestMessage;
        Assert.True(Guid.TryParse(upstream.Headers!["X-Request-ID"].Single(), out _));
        Assert.Equal("Y12345", upstream.Headers["NHSD-End-User-Organisation-ODS"].Single());
        Assert.StartsWith("Bearer ", upstream.Headers["Authorization"].Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad value with spaces")]
    [InlineData("semi;colon")]
    public async Task Read_MalformedCorrelationId_Returns400BeforeAnyUpstreamCall(string correlationId)
    {
        var before = fixture.Sandbox.Server.LogEntries.Count();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Patient/{SandboxPatients.Search}");
        request.Headers.TryAddWithoutValidation("X-Correlation-ID", correlationId);

        using var response = await _client.SendAsync(request);

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.NotEqual(correlationId, response.Headers.GetValues("X-Correlation-ID").Single());
        Assert.Equal(before, fixture.Sandbox.Server.LogEntries.Count());
    }
}
