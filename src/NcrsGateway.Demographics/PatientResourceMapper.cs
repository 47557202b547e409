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
    internal const string OdsSystem = IdentifierSystems.OdsOrganizationCode;
    private const string AddressKeyUrl = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AddressKey";
    private const string AddressKeyTypeSystem = "https://fhir.hl7.org.uk/CodeSystem/UKCore-AddressKeyType";
    private const string OtherContactSystemUrl = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-OtherContactSystem";

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
            // UK Core allows one NHS number identifier: a merged-in number is named by the link (and answers a read as a replaced-by stub)
            patient.Link.Add(new Patient.LinkComponent
            {
                Type = Patient.LinkType.Replaces,
                Other = new ResourceReference($"Patient/{old.Value}", "Superseded NHS number (merged into this record)") { Identifier = new Identifier(NhsNumber.System, old.Value) },
            });
        }

        MapList(a.Names, record, patient.Name, MapName, () => new HumanName());
        MapList(a.Addresses, record, patient.Address, MapAddress, () => new Address());
        MapList(a.Telecom, record, patient.Telecom, MapTelecom, () => new ContactPoint());
        MapGender(a.Gender, record, patient);
        patient.BirthDateElement = Primitive(a.BirthDate, record, v => new Date(v));
        MapPractice(a.GeneralPractitioner, record, patient);
        MapDeceased(a.Deceased, record, patient);
        PatientCareMapper.Map(a.Care, record, patient);
        return patient;
    }

    /// <summary>
    /// What a read of a superseded NHS number answers: a Patient with that number as its id, <c>active: false</c>, a
    /// <c>replaced-by</c> link to the current record and a narrative saying so. It carries no demographics, so nothing is
    /// ever filed against the old number by mistake.
    /// </summary>
    public static Patient ToReplaced(NhsNumber requested, PatientRecord record)
    {
        var current = record.Identity.NhsNumber.Value;
        var patient = new Patient
        {
            Id = requested.Value,
            Meta = Meta(record),
            Active = false,
            Text = new Narrative
            {
                Status = Narrative.NarrativeStatus.Generated,
                Div = $"<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>{SupersededWarning}</p><p>Current NHS number: {current}.</p></div>",
            },
        };
        patient.Identifier.Add(NhsIdentifier(requested, null, Identifier.IdentifierUse.Old));
        patient.Link.Add(new Patient.LinkComponent
        {
            Type = Patient.LinkType.ReplacedBy,
            Other = new ResourceReference($"Patient/{current}", "Current NHS number for this patient") { Identifier = new Identifier(NhsNumber.System, current) },
        });
        return patient;
    }

    /// <summary>The sentence a caller shows when a read names a superseded NHS number (narrative of <see cref="ToReplaced"/>).</summary>
    public const string SupersededWarning =
        "This NHS number has been superseded: the patient's record is now held under their current NHS number. "
        + "Read the patient by the current number (link replaced-by) and update the local record through your normal process.";

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

    internal static void MapList<TModel, TFhir>(Recorded<IReadOnlyList<TModel>> recorded, PatientRecord record, List<TFhir> target, Func<TModel, TFhir> map, Func<TFhir> empty)
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
            patient.GeneralPractitioner.Add(WithProvenance(OdsReference(gp.Value!.OdsCode, gp.Value.Period), gp.Provenance, record));
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

    /// <summary>An organisation reference by ODS code; the period (GP registration, managing organisation) sits on the identifier, as PDS puts it.</summary>
    internal static ResourceReference OdsReference(string odsCode, ValidityPeriod? period) => new()
    {
        Type = "Organization",
        Identifier = new Identifier(OdsSystem, odsCode) { Period = Period(period) },
    };

    /// <summary>
    /// A contact point with its validity period (an ended e-mail keeps its end date, so no client takes it for current)
    /// and, for system <c>other</c>, the UK Core OtherContactSystem code on <c>ContactPoint.system</c> (its UK Core context).
    /// </summary>
    internal static ContactPoint MapTelecom(Core.Model.ContactPoint t)
    {
        var point = new ContactPoint(EnumUtility.ParseLiteral<ContactPoint.ContactPointSystem>(t.System), EnumUtility.ParseLiteral<ContactPoint.ContactPointUse>(t.Use ?? string.Empty), t.Value)
        {
            Period = Period(t.Period),
        };
        if (t.OtherSystem is { } other)
        {
            point.SystemElement ??= new Code<ContactPoint.ContactPointSystem>();
            point.SystemElement.Extension.Add(new Extension(OtherContactSystemUrl, new CodeableConcept(other.System, other.Code, other.Display, null))); // UK Core STU2: valueCodeableConcept
        }

        return point;
    }

    internal static HumanName MapName(PatientName n) => new()
    {
        Use = n.Use is null ? null : EnumUtility.ParseLiteral<HumanName.NameUse>(n.Use),
        Family = n.Family,
        Given = n.Given,
        Prefix = n.Prefix,
        Suffix = n.Suffix,
        Period = Period(n.Period),
    };

    private static Address MapAddress(PatientAddress a)
    {
        var address = new Address
        {
            Use = a.Use is null ? null : EnumUtility.ParseLiteral<Address.AddressUse>(a.Use),
            Text = a.Text,
            Line = a.Lines,
            PostalCode = a.PostalCode,
            Period = Period(a.Period),
        };
        foreach (var key in a.Keys)
        {
            var ext = new Extension { Url = AddressKeyUrl };
            ext.AddExtension("type", new CodeableConcept(AddressKeyTypeSystem, key.Type)); // UK Core STU2: valueCodeableConcept
            ext.AddExtension("value", new FhirString(key.Value));
            address.Extension.Add(ext);
        }

        return address;
    }

    internal static Period? Period(ValidityPeriod? period) =>
        period is null ? null : new Period(
            period.Start is { } s ? new FhirDateTime(s.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : null,
            period.End is { } e ? new FhirDateTime(e.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : null);

    internal static T WithProvenance<T>(T element, Core.Model.Provenance provenance, PatientRecord record)
        where T : Element
    {
        if (provenance != record.Provenance)
        {
            element.Extension.Add(GatewayExtensions.ProvenanceExtension(provenance));
        }

        return element;
    }
}
