using Hl7.Fhir.Model;
using NcrsGateway.Core.Model;
using NcrsGateway.Fhir;
using static NcrsGateway.Demographics.PatientResourceMapper;

namespace NcrsGateway.Demographics;

/// <summary>
/// <see cref="PatientCareAttributes"/> → the UK Core Patient elements and extensions, with the URLs and systems PDS
/// itself uses. Contacts and managing organisation are written as withheld placeholders on a restricted record, like
/// address and telecom; extension-based elements (communication, preferences, nominated organisations, birth place,
/// removal) are left out when withheld, since UK Core extensions cannot be sent without their value: the record's
/// <c>meta.security</c> and the placeholders say it is restricted.
/// </summary>
internal static class PatientCareMapper
{
    public const string NhsCommunicationUrl = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSCommunication";
    public const string ContactPreferenceUrl = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-ContactPreference";
    public const string NominatedPharmacyUrl = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NominatedPharmacy";
    public const string PreferredDispenserUrl = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-PreferredDispenserOrganization";
    public const string ApplianceSupplierUrl = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicalApplianceSupplier";
    public const string BirthPlaceUrl = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";
    public const string RemovalFromRegistrationUrl = "https://fhir.nhs.uk/StructureDefinition/Extension-PDS-RemovalFromRegistration";

    public static void Map(PatientCareAttributes care, PatientRecord record, Patient patient)
    {
        MapList(care.Contacts, record, patient.Contact, Contact, () => new Patient.ContactComponent());
        foreach (var placeholder in patient.Contact.Where(c => c.Name is null && c.Telecom.Count == 0 && c.Address is null && c.Organization is null
            && c.Extension.Any(e => e.Url == GatewayExtensions.DataAbsentReasonUrl)))
        {
            // R4 pat-1 (a contact has a name, telecom, address or organization): a withheld contact keeps its state on the
            // contact and says its name is absent for the same reason, rather than leaving an empty contact.
            placeholder.Name = new HumanName { Extension = [.. placeholder.Extension.Where(e => e.Url == GatewayExtensions.DataAbsentReasonUrl).Select(e => (Extension)e.DeepCopy())] };
        }

        MapManagingOrganisation(care.ManagingOrganisation, record, patient);
        if (care.MultipleBirth.Value is { } birth)
        {
            patient.MultipleBirth = WithProvenance<DataType>(birth.BirthOrder is { } order ? new Integer(order) : new FhirBoolean(birth.IsMultiple), care.MultipleBirth.Provenance, record);
        }

        foreach (var need in care.Communication.Value ?? [])
        {
            patient.Extension.Add(WithProvenance(Communication(need), care.Communication.Provenance, record));
        }

        Add(patient, care.ContactPreference, record, Preference);
        Add(patient, care.NominatedPharmacy, record, o => OrganisationExtension(NominatedPharmacyUrl, o));
        Add(patient, care.PreferredDispenser, record, o => OrganisationExtension(PreferredDispenserUrl, o));
        Add(patient, care.ApplianceSupplier, record, o => OrganisationExtension(ApplianceSupplierUrl, o));
        Add(patient, care.BirthPlace, record, b => new Extension(BirthPlaceUrl, new Address { City = b.City, District = b.District, Country = b.Country }));
        Add(patient, care.RemovalFromRegistration, record, Removal);
    }

    private static void Add<T>(Patient patient, Recorded<T> recorded, PatientRecord record, Func<T, Extension> map)
        where T : class
    {
        if (recorded.Value is { } value)
        {
            patient.Extension.Add(WithProvenance(map(value), recorded.Provenance, record));
        }
    }

    private static void MapManagingOrganisation(Recorded<OdsOrganisation> organisation, PatientRecord record, Patient patient)
    {
        if (organisation.Value is { } o)
        {
            patient.ManagingOrganization = WithProvenance(OdsReference(o.OdsCode, o.Period), organisation.Provenance, record);
        }
        else if (organisation.State != ElementState.NotRecorded)
        {
            patient.ManagingOrganization = new ResourceReference();
            patient.ManagingOrganization.Extension.AddRange(GatewayExtensions.Absent(organisation.State));
        }
    }

    private static Patient.ContactComponent Contact(PatientContact c) => new()
    {
        Relationship = [.. c.Relationships.Select(Concept)],
        Name = c.Name is null ? null : MapName(c.Name),
        Telecom = [.. c.Telecom.Select(MapTelecom)],
        Period = Period(c.Period),
    };

    private static Extension Communication(CommunicationNeed need)
    {
        var ext = new Extension { Url = NhsCommunicationUrl };
        ext.AddExtension("language", Concept(need.Language));
        if (need.Preferred is { } preferred)
        {
            ext.AddExtension("preferred", new FhirBoolean(preferred));
        }

        foreach (var mode in need.Modes)
        {
            ext.AddExtension("modeOfCommunication", Concept(mode), isModifier: false);
        }

        if (need.Proficiency is { } proficiency)
        {
            ext.AddExtension("communicationProficiency", Concept(proficiency));
        }

        if (need.InterpreterRequired is { } interpreter)
        {
            ext.AddExtension("interpreterRequired", new FhirBoolean(interpreter));
        }

        return ext;
    }

    private static Extension Preference(ContactPreference p)
    {
        var ext = new Extension { Url = ContactPreferenceUrl };
        if (p.WrittenFormat is { } format)
        {
            ext.AddExtension("PreferredWrittenCommunicationFormat", Concept(format));
        }

        if (p.ContactMethod is { } method)
        {
            ext.AddExtension("PreferredContactMethod", Concept(method));
        }

        if (p.ContactTimes is { } times)
        {
            ext.AddExtension("PreferredContactTimes", new FhirString(times));
        }

        return ext;
    }

    private static Extension OrganisationExtension(string url, OdsOrganisation o) =>
        new(url, new ResourceReference { Identifier = new Identifier(OdsSystem, o.OdsCode) { Period = Period(o.Period) } });

    private static Extension Removal(RegistrationRemoval r)
    {
        var ext = new Extension { Url = RemovalFromRegistrationUrl };
        ext.AddExtension("removalFromRegistrationCode", Concept(r.Reason));
        if (r.EffectiveStart is not null || r.EffectiveEnd is not null)
        {
            ext.AddExtension("effectiveTime", new Period(
                r.EffectiveStart is { } s ? new FhirDateTime(s) : null,
                r.EffectiveEnd is { } e ? new FhirDateTime(e) : null));
        }

        return ext;
    }

    private static CodeableConcept Concept(CodedConcept c) => new(c.System, c.Code, c.Display, null);
}
