using System.Globalization;
using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Model.Immunisations;
using NcrsGateway.Fhir;

namespace NcrsGateway.Immunisations;

/// <summary>
/// Internal <see cref="ImmunisationEvent"/> → UK Core Immunization. Withheld elements are written with their reason
/// (data-absent-reason "masked" plus the gateway's element state); "not recorded" elements are left out. Provenance
/// sits on the resource (meta.source + extension) and on any element whose provenance differs from the event's.
/// </summary>
internal static class ImmunizationResourceMapper
{
    public const string UkCoreImmunizationProfile = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Immunization";

    public static Immunization ToFhir(ImmunisationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var resource = new Immunization
        {
            Id = e.Id,
            Meta = new Meta
            {
                VersionId = e.Provenance.UpstreamVersion,
                Source = GatewayExtensions.SourcePrefix + e.Provenance.Source,
                Profile = [UkCoreImmunizationProfile],
            },
            Status = e.Status == ImmunisationStatus.NotDone ? Immunization.ImmunizationStatusCodes.NotDone : Immunization.ImmunizationStatusCodes.Completed,
            VaccineCode = Concept(e.VaccineCode),
            Patient = new ResourceReference { Type = "Patient", Identifier = new Identifier(NhsNumber.System, e.Patient.Value) },
            Occurrence = new FhirDateTime(e.OccurrenceDateTime),
        };
        resource.Meta.Extension.Add(GatewayExtensions.ProvenanceExtension(e.Provenance));

        MapPerformer(e, resource);
        MapLocation(e, resource);
        MapBatch(e, resource);
        if (e.Site.HasValue)
        {
            resource.Site = WithProvenance(Concept(e.Site.Value!), e.Site.Provenance, e);
        }

        if (e.Route.HasValue)
        {
            resource.Route = WithProvenance(Concept(e.Route.Value!), e.Route.Provenance, e);
        }

        if (e.RecordedDate.HasValue)
        {
            resource.RecordedElement = WithProvenance(new FhirDateTime(e.RecordedDate.Value!), e.RecordedDate.Provenance, e);
        }

        MapProtocol(e, resource);
        return resource;
    }

    private static void MapPerformer(ImmunisationEvent e, Immunization resource)
    {
        if (e.Performer.HasValue)
        {
            var organisation = e.Performer.Value!;
            resource.Performer.Add(WithProvenance(new Immunization.PerformerComponent
            {
                Actor = new ResourceReference
                {
                    Type = "Organization",
                    Identifier = new Identifier(ImmunisationCodeSystems.Ods, organisation.OdsCode),
                    Display = organisation.Display,
                },
            }, e.Performer.Provenance, e));
        }
        else if (e.Performer.State != ElementState.NotRecorded)
        {
            var actor = new ResourceReference();
            actor.Extension.AddRange(GatewayExtensions.Absent(e.Performer.State));
            resource.Performer.Add(WithProvenance(new Immunization.PerformerComponent { Actor = actor }, e.Performer.Provenance, e));
        }
    }

    private static void MapLocation(ImmunisationEvent e, Immunization resource)
    {
        if (e.Location.HasValue)
        {
            resource.Location = WithProvenance(
                new ResourceReference { Type = "Location", Identifier = new Identifier(e.Location.Value!.System, e.Location.Value.Value) }, e.Location.Provenance, e);
        }
        else if (e.Location.State != ElementState.NotRecorded)
        {
            resource.Location = new ResourceReference();
            resource.Location.Extension.AddRange(GatewayExtensions.Absent(e.Location.State));
            WithProvenance(resource.Location, e.Location.Provenance, e);
        }
    }

    private static void MapBatch(ImmunisationEvent e, Immunization resource)
    {
        if (!e.Batch.HasValue)
        {
            return;
        }

        resource.LotNumberElement = WithProvenance(new FhirString(e.Batch.Value!.LotNumber), e.Batch.Provenance, e);
        if (e.Batch.Value.ExpirationDate is { } expiry)
        {
            resource.ExpirationDateElement = WithProvenance(new Date(expiry), e.Batch.Provenance, e);
        }
    }

    private static void MapProtocol(ImmunisationEvent e, Immunization resource)
    {
        if (!e.TargetDiseases.HasValue && !e.DoseNumber.HasValue)
        {
            return;
        }

        var protocol = new Immunization.ProtocolAppliedComponent();
        if (e.TargetDiseases.HasValue)
        {
            protocol.TargetDisease.AddRange(e.TargetDiseases.Value!.Select(d => WithProvenance(Concept(d), e.TargetDiseases.Provenance, e)));
        }

        if (e.DoseNumber.HasValue)
        {
            var dose = e.DoseNumber.Value!;
            protocol.DoseNumber = WithProvenance<DataType>(
                int.TryParse(dose, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? new PositiveInt(n) : new FhirString(dose),
                e.DoseNumber.Provenance,
                e);
        }

        resource.ProtocolApplied.Add(protocol);
    }

    private static CodeableConcept Concept(CodedConcept c) => new(c.System, c.Code, c.Display, null);

    private static T WithProvenance<T>(T element, Core.Model.Provenance provenance, ImmunisationEvent e)
        where T : Element
    {
        if (provenance != e.Provenance)
        {
            element.Extension.Add(GatewayExtensions.ProvenanceExtension(provenance));
        }

        return element;
    }
}
