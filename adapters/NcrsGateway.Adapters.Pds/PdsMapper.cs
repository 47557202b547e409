using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using Provenance = NcrsGateway.Core.Model.Provenance;

namespace NcrsGateway.Adapters.Pds;

/// <summary>
/// PDS wire Patient → internal <see cref="PatientRecord"/>. Decides the state of every missing element:
/// on a restricted record, address, telecom and GP are withheld, not "not recorded".
/// </summary>
internal static class PdsMapper
{
    internal const string VerificationStatusUrl = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
    internal const string DeathNotificationUrl = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-DeathNotificationStatus";
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
        var hidden = sensitivity == Sensitivity.Unrestricted ? ElementState.NotRecorded : ElementState.Withheld;

        var superseded = requested is { } r && r != current ? new[] { r } : [];
        var nhsIdentifier = patient.Identifier.Find(i => i.System == NhsNumber.System);
        var identity = new PatientIdentity(current, superseded, VerificationStatus(nhsIdentifier), provenance);

        var attributes = new PatientAttributes(
            List<PatientName>(patient.Name.Select(MapName).ToList(), ElementState.NotRecorded, provenance),
            Recorded<string>.From(patient.Gender?.GetLiteral(), ElementState.NotRecorded, provenance),
            Recorded<string>.From(patient.BirthDate, ElementState.NotRecorded, provenance),
            List<PatientAddress>(patient.Address.Select(MapAddress).ToList(), hidden, provenance),
            List<Core.Model.ContactPoint>(patient.Telecom.Where(t => t.Value is not null).Select(MapTelecom).ToList(), hidden, provenance),
            Recorded<GeneralPractice>.From(MapPractice(patient), hidden, provenance),
            Recorded<Deceased>.From(MapDeceased(patient), ElementState.NotRecorded, provenance));

        return new PatientRecord(identity, attributes, sensitivity, provenance);
    }

    private static Recorded<IReadOnlyList<T>> List<T>(List<T> items, ElementState whenEmpty, Provenance provenance) =>
        items.Count == 0
            ? Recorded<IReadOnlyList<T>>.Absent(whenEmpty, provenance)
            : Recorded<IReadOnlyList<T>>.Present(items, provenance);

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

    private static PatientName MapName(HumanName n) => new(
        n.Use?.GetLiteral(), n.Family, NonNull(n.Given), NonNull(n.Prefix), NonNull(n.Suffix),
        ParseDate(n.Period?.Start), ParseDate(n.Period?.End));

    private static PatientAddress MapAddress(Address a) => new(
        a.Use?.GetLiteral(), NonNull(a.Line), a.PostalCode, ParseDate(a.Period?.Start), ParseDate(a.Period?.End));

    private static Core.Model.ContactPoint MapTelecom(Hl7.Fhir.Model.ContactPoint t) =>
        new(t.System?.GetLiteral() ?? "other", t.Value!, t.Use?.GetLiteral());

    private static GeneralPractice? MapPractice(Patient patient) =>
        patient.GeneralPractitioner.FirstOrDefault()?.Identifier?.Value is { Length: > 0 } ods ? new GeneralPractice(ods) : null;

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
