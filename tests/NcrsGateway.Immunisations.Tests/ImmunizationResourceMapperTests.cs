using Hl7.Fhir.Model;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Model.Immunisations;
using NcrsGateway.Fhir;

namespace NcrsGateway.Immunisations.Tests;

public sealed class ImmunizationResourceMapperTests
{
    [Fact]
    public void ToFhir_FullEvent_WritesUkCoreImmunizationWithEveryElement()
    {
        var resource = ImmunizationResourceMapper.ToFhir(TestEvents.Full());

        Assert.Equal("imm-1", resource.Id);
        Assert.Equal([ImmunizationResourceMapper.UkCoreImmunizationProfile], resource.Meta.Profile);
        Assert.Equal("3", resource.Meta.VersionId);
        Assert.Equal(Immunization.ImmunizationStatusCodes.Completed, resource.Status);
        Assert.Equal("1119349007", resource.VaccineCode.Coding.Single().Code);
        Assert.Equal("https://fhir.nhs.uk/Id/nhs-number", resource.Patient.Identifier.System);
        Assert.Equal("9000000009", resource.Patient.Identifier.Value);
        Assert.Equal("2021-01-14T10:20:00+00:00", ((FhirDateTime)resource.Occurrence).Value);
        Assert.Equal("840539006", resource.ProtocolApplied.Single().TargetDisease.Single().Coding.Single().Code);
        Assert.Equal(2, ((PositiveInt)resource.ProtocolApplied.Single().DoseNumber).Value);
        var actor = resource.Performer.Single().Actor;
        Assert.Equal(("Organization", "https://fhir.nhs.uk/Id/ods-organization-code", "XTS02", "Test Surgery"), (actor.Type, actor.Identifier.System, actor.Identifier.Value, actor.Display));
        Assert.Equal("XTS01", resource.Location.Identifier.Value);
        Assert.Equal("LOT-42", resource.LotNumber);
        Assert.Equal("2021-04-30", resource.ExpirationDate);
        Assert.Equal("368208006", resource.Site.Coding.Single().Code);
        Assert.Equal("78421000", resource.Route.Coding.Single().Code);
        Assert.Equal("2021-01-15", resource.Recorded);
    }

    [Fact]
    public void ToFhir_Always_CarriesProvenanceOnTheResource()
    {
        var resource = ImmunizationResourceMapper.ToFhir(TestEvents.Full());

        Assert.Equal("urn:ncrs-gateway:source:immunisation", resource.Meta.Source);
        var provenance = resource.Meta.GetExtension(GatewayExtensions.ProvenanceUrl);
        Assert.Equal("immunisation", ((Code)provenance.GetExtension("source").Value!).Value);
        Assert.Equal(TestEvents.Retrieved, ((Instant)provenance.GetExtension("retrieved").Value!).Value);
        Assert.Equal("3", ((FhirString)provenance.GetExtension("upstreamVersion").Value!).Value);
    }

    [Fact]
    public void ToFhir_ElementWithDifferentProvenance_CarriesItsOwn()
    {
        var older = TestEvents.Provenance with { RetrievedAt = TestEvents.Retrieved.AddMinutes(-5) };
        var e = TestEvents.Full() with { Site = Recorded<CodedConcept>.Present(new CodedConcept(CodedConcept.Snomed, "368208006", null), older) };

        var resource = ImmunizationResourceMapper.ToFhir(e);

        Assert.NotNull(resource.Site.GetExtension(GatewayExtensions.ProvenanceUrl));
        Assert.Null(resource.Route.GetExtension(GatewayExtensions.ProvenanceUrl));
    }

    [Fact]
    public void ToFhir_WithheldPerformerAndLocation_AreWrittenAsMaskedNotLeftOut()
    {
        var resource = ImmunizationResourceMapper.ToFhir(TestEvents.Sparse(ElementState.Withheld));

        var actor = resource.Performer.Single().Actor;
        Assert.Null(actor.Identifier);
        Assert.Equal("masked", ((Code)actor.GetExtension(GatewayExtensions.DataAbsentReasonUrl).Value!).Value);
        Assert.Equal("withheld", ((Code)actor.GetExtension(GatewayExtensions.ElementStateUrl).Value!).Value);
        Assert.Null(resource.Location.Identifier);
        Assert.Equal("withheld", ((Code)resource.Location.GetExtension(GatewayExtensions.ElementStateUrl).Value!).Value);
    }

    [Fact]
    public void ToFhir_NotRecordedElements_AreLeftOut()
    {
        var resource = ImmunizationResourceMapper.ToFhir(TestEvents.Sparse(ElementState.NotRecorded));

        Assert.Empty(resource.Performer);
        Assert.Null(resource.Location);
        Assert.Null(resource.LotNumber);
        Assert.Null(resource.Site);
        Assert.Null(resource.Route);
        Assert.Null(resource.Recorded);
        Assert.Empty(resource.ProtocolApplied);
    }

    [Fact]
    public void ToFhir_TextDoseAndNotDone_AreWrittenAsGiven()
    {
        var e = TestEvents.Full() with { Status = ImmunisationStatus.NotDone, DoseNumber = Recorded<string>.Present("Booster", TestEvents.Provenance) };

        var resource = ImmunizationResourceMapper.ToFhir(e);

        Assert.Equal(Immunization.ImmunizationStatusCodes.NotDone, resource.Status);
        Assert.Equal("Booster", ((FhirString)resource.ProtocolApplied.Single().DoseNumber).Value);
    }
}
