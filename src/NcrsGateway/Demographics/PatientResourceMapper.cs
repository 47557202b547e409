using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using NcrsGateway.Fhir;
using ContactPoint = Hl7.Fhir.Model.ContactPoint;

namespace NcrsGateway.Demographics;

/// <summary>
/// Internal <see cref="PatientRecord"/> → UK Core Patient. Absent elements are written with their reason
/// (withheld → data-absent-reason "masked"); "not recorded" elements are left out. Provenance sits on the
/// record (meta.source + extension) and on any element whose provenance differs from the record's.
/// </summary>
internal static class PatientResourceMapper
{
    public const string UkCorePatientProfile = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";
    private const string VerificationStatusUrl = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
    private const string VerificationStatusSystem = "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland";
    private const string DeathNotificationUrl = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-DeathNotificationStatus";
    private const string DeathNotificationSystem = "https://fhir.hl7.org.uk/CodeSystem/UKCore-DeathNotificationStatus";
    private const string ConfidentialitySystem = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    private const string OdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";

    public static Patient ToFhir(PatientRecord record)
    {
        var a = record.Attributes;
        var patient = new Patient
        {
            Id = record.Identity.NhsNumber.Value,
            Meta = Meta(record),
        };
        patient.Identifier.Add(NhsIdentifier(record.Identity.NhsNumber, record.Identity.VerificationStatus, Identifier.IdentifierUse.Official));
        foreach (var old in record.Identity.SupersededNumbers)
        {
            patient.Identifier.Add(NhsIdentifier(old, null, Identifier.IdentifierUse.Old));
            patient.Link.Add(new Patient.LinkComponent
            {
                Type = Patient.LinkType.Replaces,
                Other = new ResourceReference { Identifier = new Identifier(NhsNumber.System, old.Value), Display = "Superseded NHS number (merged into this record)" },
            });
        }

        MapList(a.Names, record, patient.Name, MapName, () => new HumanName());
        MapList(a.Addresses, record, patient.Address, MapAddress, () => new Address());
        MapList(a.Telecom, record, patient.Telecom, t => new ContactPoint(EnumUtility.ParseLiteral<ContactPoint.ContactPointSystem>(t.System), EnumUtility.ParseLiteral<ContactPoint.ContactPointUse>(t.Use ?? string.Empty), t.Value), () => new ContactPoint());
        MapGender(a.Gender, record, patient);
        patient.BirthDateElement = Primitive(a.BirthDate, record, v => new Date(v));
        MapPractice(a.GeneralPractitioner, record, patient);
        MapDeceased(a.Deceased, record, patient);
        return patient;
    }

    private static Meta Meta(PatientRecord record)
    {
        var meta = new Meta
        {
            VersionId = record.Provenance.UpstreamVersion,
            Source = GatewayExtensions.SourcePrefix + record.Provenance.Source,
            Profile = [UkCorePatientProfile],
        };
        meta.Security.Add(new Coding(ConfidentialitySystem, record.Sensitivity switch
        {
            Sensitivity.Restricted => "R",
            Sensitivity.VeryRestricted => "V",
            Sensitivity.Redacted => "REDACTED",
            _ => "U",
        }));
        meta.Extension.Add(GatewayExtensions.ProvenanceExtension(record.Provenance));
        return meta;
    }

    private static Identifier NhsIdentifier(NhsNumber number, string? verification, Identifier.IdentifierUse use)
    {
        var id = new Identifier(NhsNumber.System, number.Value) { Use = use };
        if (verification is not null)
        {
            id.Extension.Add(new Extension(VerificationStatusUrl, new CodeableConcept(VerificationStatusSystem, verification)));
        }

        return id;
    }

    private static void MapList<TModel, TFhir>(Recorded<IReadOnlyList<TModel>> recorded, PatientRecord record, List<TFhir> target, Func<TModel, TFhir> map, Func<TFhir> empty)
        where TFhir : Element
    {
        if (recorded.HasValue)
        {
            foreach (var item in recorded.Value!)
            {
                target.Add(WithProvenance(map(item), recorded.Provenance, record));
            }
        }
        else if (recorded.State != ElementState.NotRecorded)
        {
            var placeholder = empty();
            placeholder.Extension.AddRange(GatewayExtensions.Absent(recorded.State));
            target.Add(WithProvenance(placeholder, recorded.Provenance, record));
        }
    }

    private static TPrimitive? Primitive<TPrimitive>(Recorded<string> recorded, PatientRecord record, Func<string, TPrimitive> make)
        where TPrimitive : PrimitiveType, new()
    {
        if (recorded.HasValue)
        {
            return WithProvenance(make(recorded.Value!), recorded.Provenance, record);
        }

        if (recorded.State == ElementState.NotRecorded)
        {
            return null;
        }

        var absent = new TPrimitive();
        absent.Extension.AddRange(GatewayExtensions.Absent(recorded.State));
        return absent;
    }

    private static void MapGender(Recorded<string> gender, PatientRecord record, Patient patient)
    {
        if (gender.HasValue)
        {
            patient.GenderElement = WithProvenance(new Code<AdministrativeGender>(EnumUtility.ParseLiteral<AdministrativeGender>(gender.Value!)), gender.Provenance, record);
        }
        else if (gender.State != ElementState.NotRecorded)
        {
            patient.GenderElement = new Code<AdministrativeGender>();
            patient.GenderElement.Extension.AddRange(GatewayExtensions.Absent(gender.State));
        }
    }

    private static void MapPractice(Recorded<GeneralPractice> gp, PatientRecord record, Patient patient)
    {
        if (gp.HasValue)
        {
            patient.GeneralPractitioner.Add(WithProvenance(
                new ResourceReference { Type = "Organization", Identifier = new Identifier(OdsSystem, gp.Value!.OdsCode) }, gp.Provenance, record));
        }
        else if (gp.State != ElementState.NotRecorded)
        {
            var placeholder = new ResourceReference();
            placeholder.Extension.AddRange(GatewayExtensions.Absent(gp.State));
            patient.GeneralPractitioner.Add(placeholder);
        }
    }

    private static void MapDeceased(Recorded<Deceased> deceased, PatientRecord record, Patient patient)
    {
        if (!deceased.HasValue)
        {
            return;
        }

        patient.Deceased = WithProvenance(new FhirDateTime(deceased.Value!.DateTime), deceased.Provenance, record);
        if (deceased.Value.NotificationStatus is { } status)
        {
            var ext = new Extension { Url = DeathNotificationUrl };
            ext.AddExtension("deathNotificationStatus", new CodeableConcept(DeathNotificationSystem, status, status switch
            {
                "1" => "Informal - death notice received via an update from a local NHS Organisation such as GP or Trust",
                "2" => "Formal - death notice received from Registrar of Deaths",
                _ => null,
            }));
            patient.Extension.Add(ext);
        }
    }

    private static HumanName MapName(PatientName n) => new()
    {
        Use = n.Use is null ? null : EnumUtility.ParseLiteral<HumanName.NameUse>(n.Use),
        Family = n.Family,
        Given = n.Given,
        Prefix = n.Prefix,
        Suffix = n.Suffix,
        Period = Period(n.PeriodStart, n.PeriodEnd),
    };

    private static Address MapAddress(PatientAddress a) => new()
    {
        Use = a.Use is null ? null : EnumUtility.ParseLiteral<Address.AddressUse>(a.Use),
        Line = a.Lines,
        PostalCode = a.PostalCode,
        Period = Period(a.PeriodStart, a.PeriodEnd),
    };

    private static Period? Period(DateOnly? start, DateOnly? end) =>
        start is null && end is null ? null : new Period(
            start is { } s ? new FhirDateTime(s.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : null,
            end is { } e ? new FhirDateTime(e.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : null);

    private static T WithProvenance<T>(T element, Core.Model.Provenance provenance, PatientRecord record)
        where T : Element
    {
        if (provenance != record.Provenance)
        {
            element.Extension.Add(GatewayExtensions.ProvenanceExtension(provenance));
        }

        return element;
    }
}
