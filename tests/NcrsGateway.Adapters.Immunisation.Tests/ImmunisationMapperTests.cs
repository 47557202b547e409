using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Model.Immunisations;
using Provenance = NcrsGateway.Core.Model.Provenance;

namespace NcrsGateway.Adapters.Immunisation.Tests;

/// <summary>ImmunisationMapper field by field: every element's value, state and provenance.</summary>
public sealed class ImmunisationMapperTests
{
    private static readonly NhsNumber Patient = ImmunisationTestHost.Nhs("9000000009");
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Map_FullRecord_MapsEveryElementWithImmunisationProvenance()
    {
        var e = Map(ImmunizationJson.Full("imm-1", Patient.Value));

        Assert.Equal("imm-1", e.Id);
        Assert.Equal(Patient, e.Patient);
        Assert.Equal(ImmunisationStatus.Completed, e.Status);
        Assert.Equal(new CodedConcept(CodedConcept.Snomed, "39114911000001105", "COVID-19 mRNA vaccine (test)"), e.VaccineCode);
        Assert.Equal("2021-01-14T10:20:00+00:00", e.OccurrenceDateTime);
        Assert.Equal([new CodedConcept(CodedConcept.Snomed, "840539006", "COVID-19")], Present(e.TargetDiseases));
        Assert.Equal("2", Present(e.DoseNumber));
        Assert.Equal(new PerformingOrganisation("XTS02", "Test Surgery"), Present(e.Performer));
        Assert.Equal(new VaccinationLocation(ImmunizationJson.OdsSystem, "XTS01"), Present(e.Location));
        Assert.Equal(new VaccineBatch("LOT-42", "2021-04-30"), Present(e.Batch));
        Assert.Equal("368208006", Present(e.Site).Code);
        Assert.Equal("78421000", Present(e.Route).Code);
        Assert.Equal("2021-01-15", Present(e.RecordedDate));

        var expected = new Provenance("immunisation", Now, "3", Now, ShowWithoutRefresh: true);
        Assert.Equal(expected, e.Provenance);
        Assert.All(Provenances(e), p => Assert.Equal(expected, p));
    }

    [Fact]
    public void Map_MinimalRecord_MarksEveryOptionalElementNotRecordedWithProvenance()
    {
        var e = Map(ImmunizationJson.Minimal("imm-2", Patient.Value));

        Assert.Equal(ElementState.NotRecorded, e.TargetDiseases.State);
        Assert.Equal(ElementState.NotRecorded, e.DoseNumber.State);
        Assert.Equal(ElementState.NotRecorded, e.Performer.State);
        Assert.Equal(ElementState.NotRecorded, e.Location.State);
        Assert.Equal(ElementState.NotRecorded, e.Batch.State);
        Assert.Equal(ElementState.NotRecorded, e.Site.State);
        Assert.Equal(ElementState.NotRecorded, e.Route.State);
        Assert.Equal(ElementState.NotRecorded, e.RecordedDate.State);
        Assert.All(Provenances(e), p => Assert.Equal("immunisation", p.Source));
    }

    [Fact]
    public void Map_RestrictedPatientPlaceholders_AreWithheldNeverShownAsAnOrganisation()
    {
        var e = Map(ImmunizationJson.Restricted("imm-3", Patient.Value));

        Assert.Equal(ElementState.Withheld, e.Performer.State);
        Assert.Null(e.Performer.Value);
        Assert.Equal(ElementState.Withheld, e.Location.State);
        Assert.Equal(ElementState.Present, e.Batch.State); // the service does not hide the batch
    }

    [Fact]
    public void Map_RestrictedSecurityLabelWithoutPerformer_MarksPerformerWithheld()
    {
        var json = ImmunizationJson.Minimal("imm-4", Patient.Value)
            .With("meta", JsonNode.Parse("""{"security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-Confidentiality","code":"R"}]}"""));

        var e = Map(json);

        Assert.Equal(ElementState.Withheld, e.Performer.State);
        Assert.Equal(ElementState.Withheld, e.Location.State);
    }

    [Fact]
    public void Map_DmdOnlyVaccineAndTextDose_AreKept()
    {
        var json = ImmunizationJson.Full("imm-5", Patient.Value)
            .With("vaccineCode", JsonNode.Parse("""{"coding":[{"system":"https://dmd.nhs.uk","code":"1234","display":"Test vaccine"}]}"""))
            .With("protocolApplied", JsonNode.Parse("""[{"targetDisease":[{"coding":[{"system":"http://snomed.info/sct","code":"6142004"}]}],"doseNumberString":"Booster"}]"""));

        var e = Map(json);

        Assert.Equal(new CodedConcept(ImmunisationCodeSystems.Dmd, "1234", "Test vaccine"), e.VaccineCode);
        Assert.Equal("Booster", Present(e.DoseNumber));
        Assert.Equal("6142004", Assert.Single(Present(e.TargetDiseases)).Code);
    }

    [Fact]
    public void Map_NotDone_IsKeptAsNotDone()
    {
        Assert.Equal(ImmunisationStatus.NotDone, Map(ImmunizationJson.Full("imm-6", Patient.Value).With("status", "not-done")).Status);
    }

    [Theory]
    [InlineData("id", null, "it has no id")]
    [InlineData("status", "entered-in-error", "entered in error")]
    [InlineData("vaccineCode", null, "vaccine code")]
    [InlineData("occurrenceDateTime", null, "no vaccination date")]
    [InlineData("patient", null, "not the patient searched for")]
    public void Map_UnsafeRecord_IsRefusedWithAReasonFreeOfPatientData(string key, string? value, string expected)
    {
        var json = ImmunizationJson.Full("imm-7", Patient.Value);
        if (value is null)
        {
            json.Remove(key);
        }
        else
        {
            json[key] = value;
        }

        Assert.False(ImmunisationMapper.TryMap(Parse(json), Patient, Now, out var e, out var reason));
        Assert.Null(e);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Patient.Value, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_AnotherPatientsRecord_IsRefused()
    {
        Assert.False(ImmunisationMapper.TryMap(Parse(ImmunizationJson.Full("imm-8", "9000000017")), Patient, Now, out _, out var reason));
        Assert.Equal(ImmunisationSkipReason.WrongPatient, reason);
    }

    private static ImmunisationEvent Map(JsonObject json) =>
        ImmunisationMapper.TryMap(Parse(json), Patient, Now, out var e, out var reason) ? e : throw new InvalidOperationException(reason);

    private static Immunization Parse(JsonObject json) => JsonSerializer.Deserialize<Immunization>(json.ToJsonString(), FhirJson.Upstream)!;

    private static T Present<T>(Recorded<T> recorded)
        where T : class
    {
        Assert.Equal(ElementState.Present, recorded.State);
        return recorded.Value!;
    }

    private static IEnumerable<Provenance> Provenances(ImmunisationEvent e) =>
    [
        e.TargetDiseases.Provenance, e.DoseNumber.Provenance, e.Performer.Provenance, e.Location.Provenance,
        e.Batch.Provenance, e.Site.Provenance, e.Route.Provenance, e.RecordedDate.Provenance,
    ];
}
