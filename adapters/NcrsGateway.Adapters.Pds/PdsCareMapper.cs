using Hl7.Fhir.Model;
using NcrsGateway.Core.Model;

namespace NcrsGateway.Adapters.Pds;

/// <summary>
/// PDS Patient → <see cref="PatientCareAttributes"/>: the UK Core / PDS extensions (communication, contact
/// preference, nominated organisations, birth place, removal from registration), contacts, managing
/// organisation and multiple birth. Everything but multiple birth is withheld on a restricted record.
/// </summary>
internal static class PdsCareMapper
{
    public static PatientCareAttributes Map(Patient patient, RestrictedRecordGuard guard) => new(
        guard.Hidden(patient.Extension.Where(e => e.Url == PdsExtensions.NhsCommunication).Select(Communication).OfType<CommunicationNeed>().ToList()),
        guard.Hidden(patient.Contact.Select(Contact).ToList()),
        guard.Hidden(Preference(patient.GetExtension(PdsExtensions.ContactPreference))),
        guard.Hidden(Organisation(patient.GetExtension(PdsExtensions.NominatedPharmacy)?.Value as ResourceReference)),
        guard.Hidden(Organisation(patient.GetExtension(PdsExtensions.PreferredDispenser)?.Value as ResourceReference)),
        guard.Hidden(Organisation(patient.GetExtension(PdsExtensions.ApplianceSupplier)?.Value as ResourceReference)),
        guard.Hidden(Organisation(patient.ManagingOrganization)),
        guard.Hidden(BirthPlace(patient.GetExtension(PdsExtensions.BirthPlace)?.Value as Address)),
        guard.Shown(MultipleBirth(patient.MultipleBirth)),
        guard.Hidden(Removal(patient.GetExtension(PdsExtensions.RemovalFromRegistration))));

    private static CommunicationNeed? Communication(Extension e) =>
        PdsMapper.Concept(e.GetExtension("language")?.Value as CodeableConcept) is { } language
            ? new CommunicationNeed(
                language,
                (e.GetExtension("interpreterRequired")?.Value as FhirBoolean)?.Value,
                (e.GetExtension("preferred")?.Value as FhirBoolean)?.Value,
                e.Extension.Where(x => x.Url == "modeOfCommunication").Select(x => PdsMapper.Concept(x.Value as CodeableConcept)).OfType<CodedConcept>().ToArray(),
                PdsMapper.Concept(e.GetExtension("communicationProficiency")?.Value as CodeableConcept))
            : null;

    private static PatientContact Contact(Patient.ContactComponent c) => new(
        c.Relationship.Select(PdsMapper.Concept).OfType<CodedConcept>().ToArray(),
        c.Name is null ? null : PdsMapper.MapName(c.Name),
        PdsMapper.MapTelecom(c.Telecom),
        PdsMapper.Period(c.Period));

    private static ContactPreference? Preference(Extension? e)
    {
        if (e is null)
        {
            return null;
        }

        var preference = new ContactPreference(
            PdsMapper.Concept(e.GetExtension("PreferredWrittenCommunicationFormat")?.Value as CodeableConcept),
            PdsMapper.Concept(e.GetExtension("PreferredContactMethod")?.Value as CodeableConcept),
            (e.GetExtension("PreferredContactTimes")?.Value as FhirString)?.Value);
        return preference is { WrittenFormat: null, ContactMethod: null, ContactTimes: null } ? null : preference;
    }

    private static OdsOrganisation? Organisation(ResourceReference? reference) =>
        reference?.Identifier is { Value: { Length: > 0 } ods } id ? new OdsOrganisation(ods, PdsMapper.Period(id.Period)) : null;

    private static BirthPlace? BirthPlace(Address? a) =>
        a is null || (a.City is null && a.District is null && a.Country is null) ? null : new BirthPlace(a.City, a.District, a.Country);

    private static MultipleBirth? MultipleBirth(DataType? value) => value switch
    {
        FhirBoolean { Value: { } flag } => new MultipleBirth(flag, null),
        Integer { Value: { } order } => new MultipleBirth(null, order),
        _ => null,
    };

    private static RegistrationRemoval? Removal(Extension? e)
    {
        if (PdsMapper.Concept(e?.GetExtension("removalFromRegistrationCode")?.Value as CodeableConcept) is not { } reason)
        {
            return null;
        }

        var effective = e!.GetExtension("effectiveTime")?.Value as Period;
        return new RegistrationRemoval(reason, effective?.StartElement?.ToDateTimeOffset(TimeSpan.Zero), effective?.EndElement?.ToDateTimeOffset(TimeSpan.Zero));
    }
}
