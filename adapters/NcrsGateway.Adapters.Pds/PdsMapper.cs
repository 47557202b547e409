using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using Provenance = NcrsGateway.Core.Model.Provenance;

namespace NcrsGateway.Adapters.Pds;

/// <summary>
/// PDS wire Patient → internal <see cref="PatientRecord"/>. Decides the state of every missing element: on a
/// restricted record, everything that could reveal where the patient is (address, telecom, contacts, GP, nominated
/// organisations, communication and contact preferences, birth place, removal, managing organisation) is withheld,
/// not "not recorded", and stays withheld even if PDS were to send a value.
/// </summary>
internal static class PdsMapper
{
    internal const string VerificationStatusUrl = PdsExtensions.VerificationStatus;
    internal const string DeathNotificationUrl = PdsExtensions.DeathNotification;
    private const string ConfidentialitySystem = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    public static PatientRecord Map(Patient patient, NhsNumber? requested, string? etagVersion, DateTimeOffset retrievedAt)
    {
        if (!NhsNumber.TryParse(patient.Id, out var current))
        {
            throw new GatewayException(GatewayErrors.UpstreamError, "The national service returned a record without a valid NHS number.");
        }

        var version = patient.Meta?.VersionId ?? etagVersion;
        var provenance = new Provenance(SourceServices.Pds, retrievedAt, version, retrievedAt, ShowWithoutRefresh: true);
        var sensitivity = MapSensitivity(patient.Meta);
        var guard = new RestrictedRecordGuard(sensitivity != Sensitivity.Unrestricted, provenance);

        var superseded = requested is { } r && r != current ? new[] { r } : [];
        var nhsIdentifier = patient.Identifier.Find(i => i.System == NhsNumber.System);
        var identity = new PatientIdentity(current, superseded, VerificationStatus(nhsIdentifier), provenance);

        var attributes = new PatientAttributes(
            RestrictedRecordGuard.List(patient.Name.Select(MapName).ToList(), ElementState.NotRecorded, provenance),
            Recorded<string>.From(patient.Gender?.GetLiteral(), ElementState.NotRecorded, provenance),
            Recorded<string>.From(patient.BirthDate, ElementState.NotRecorded, provenance),
            guard.Hidden(patient.Address.Select(MapAddress).ToList()),
            guard.Hidden(MapTelecom(patient.Telecom)),
            guard.Hidden(MapPractice(patient)),
            Recorded<Deceased>.From(MapDeceased(patient), ElementState.NotRecorded, provenance),
            PdsCareMapper.Map(patient, guard));

        return new PatientRecord(identity, attributes, sensitivity, provenance);
    }

    internal static List<Core.Model.ContactPoint> MapTelecom(IEnumerable<Hl7.Fhir.Model.ContactPoint> telecom) =>
        telecom.Where(t => !string.IsNullOrEmpty(t.Value)).Select(MapTelecom).ToList();

    internal static CodedConcept? Concept(CodeableConcept? concept) =>
        concept?.Coding.Select(Coding).FirstOrDefault(c => c is not null);

    internal static CodedConcept? Coding(Coding? c) =>
        c is { Code: { Length: > 0 } code } ? new CodedConcept(c.System ?? string.Empty, code, c.Display) : null;

    internal static ValidityPeriod? Period(Period? period) =>
        ValidityPeriod.From(ParseDate(period?.Start), ParseDate(period?.End));

    internal static PatientName MapName(HumanName n) => new(
        n.Use?.GetLiteral(), n.Family, NonNull(n.Given), NonNull(n.Prefix), NonNull(n.Suffix), Period(n.Period));

    private static Sensitivity MapSensitivity(Meta? meta) =>
        meta?.Security.Find(c => c.System == ConfidentialitySystem)?.Code switch
        {
            "R" => Sensitivity.Restricted,
            "V" => Sensitivity.VeryRestricted,
            "REDACTED" => Sensitivity.Redacted,
            _ => Sensitivity.Unrestricted,
        };

    private static string? VerificationStatus(Identifier? identifier) =>
        (identifier?.GetExtension(VerificationStatusUrl)?.Value as CodeableConcept)?.Coding.FirstOrDefault()?.Code;

    private static PatientAddress MapAddress(Address a) => new(
        a.Use?.GetLiteral(), NonNull(a.Line), a.PostalCode, a.Text, AddressKeys(a), Period(a.Period));

    private static AddressKey[] AddressKeys(Address a) =>
        a.Extension.Where(e => e.Url == PdsExtensions.AddressKey)
            .Select(e => (Type: (e.GetExtension("type")?.Value as Hl7.Fhir.Model.Coding)?.Code, Value: (e.GetExtension("value")?.Value as FhirString)?.Value))
            .Where(k => !string.IsNullOrEmpty(k.Type) && !string.IsNullOrEmpty(k.Value))
            .Select(k => new AddressKey(k.Type!, k.Value!))
            .ToArray();

    /// <summary>UK Core puts OtherContactSystem on <c>ContactPoint.system</c>; PDS puts it on the ContactPoint. Both are read.</summary>
    private static Core.Model.ContactPoint MapTelecom(Hl7.Fhir.Model.ContactPoint t)
    {
        var other = (t.SystemElement?.GetExtension(PdsExtensions.OtherContactSystem) ?? t.GetExtension(PdsExtensions.OtherContactSystem))?.Value as Hl7.Fhir.Model.Coding;
        return new(t.System?.GetLiteral() ?? "other", t.Value!, t.Use?.GetLiteral(), Period(t.Period), Coding(other));
    }

    private static GeneralPractice? MapPractice(Patient patient) =>
        patient.GeneralPractitioner.FirstOrDefault()?.Identifier is { Value: { Length: > 0 } ods } id
            ? new GeneralPractice(ods, Period(id.Period))
            : null;

    private static Deceased? MapDeceased(Patient patient)
    {
        if (patient.Deceased is not FhirDateTime { Value: { } when })
        {
            return null;
        }

        var status = patient.GetExtension(DeathNotificationUrl)?.GetExtension("deathNotificationStatus")?.Value as CodeableConcept;
        return new Deceased(when, status?.Coding.FirstOrDefault()?.Code);
    }

    private static string[] NonNull(IEnumerable<string?> values) => values.OfType<string>().ToArray();

    private static DateOnly? ParseDate(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", out var d) ? d : null;
}
