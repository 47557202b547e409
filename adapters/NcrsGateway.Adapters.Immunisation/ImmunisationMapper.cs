using System.Diagnostics.CodeAnalysis;
using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Model.Immunisations;
using Provenance = NcrsGateway.Core.Model.Provenance;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>
/// Immunisation FHIR API wire Immunization → internal <see cref="ImmunisationEvent"/>. A record that cannot be
/// shown safely (no id, someone else's NHS number, no vaccine or date, entered in error) is refused with a reason,
/// never patched up. For a restricted patient the service replaces the performing organisation with the placeholder
/// ODS code <c>N2N9I</c> and the location with the country code <c>GB</c>: those become
/// <see cref="ElementState.Withheld"/>, never a real-looking value.
/// </summary>
internal static class ImmunisationMapper
{
    internal const string WithheldOrganisationCode = "N2N9I";
    internal const string CountrySystem = "urn:iso:std:iso:3166";
    private const string ConfidentialitySystem = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    /// <summary>Maps one record; on failure <paramref name="reason"/> is one of <see cref="ImmunisationSkipReason"/>.</summary>
    public static bool TryMap(
        Immunization wire,
        NhsNumber expectedPatient,
        DateTimeOffset retrievedAt,
        [NotNullWhen(true)] out ImmunisationEvent? immunisation,
        [NotNullWhen(false)] out string? reason)
    {
        immunisation = null;
        reason = Check(wire, expectedPatient, out var status, out var vaccine, out var occurrence);
        if (reason is not null)
        {
            return false;
        }

        var provenance = new Provenance(ImmunisationSource.Name, retrievedAt, wire.Meta?.VersionId, retrievedAt, ShowWithoutRefresh: true);
        var performer = wire.Performer.Select(p => p.Actor).FirstOrDefault(IsOrganisation);
        var restricted = IsRestricted(wire, performer);
        var hidden = restricted ? ElementState.Withheld : ElementState.NotRecorded;

        immunisation = new ImmunisationEvent(
            wire.Id!,
            expectedPatient,
            status,
            vaccine!,
            occurrence!,
            List(TargetDiseases(wire), provenance),
            Recorded<string>.From(DoseNumber(wire), ElementState.NotRecorded, provenance),
            restricted && performer is not null
                ? Recorded<PerformingOrganisation>.Absent(ElementState.Withheld, provenance)
                : Recorded<PerformingOrganisation>.From(MapPerformer(performer), hidden, provenance),
            restricted && wire.Location is not null
                ? Recorded<VaccinationLocation>.Absent(ElementState.Withheld, provenance)
                : Recorded<VaccinationLocation>.From(MapLocation(wire.Location), hidden, provenance),
            Recorded<VaccineBatch>.From(wire.LotNumber is { Length: > 0 } lot ? new VaccineBatch(lot, wire.ExpirationDate) : null, ElementState.NotRecorded, provenance),
            Recorded<CodedConcept>.From(Snomed(wire.Site), ElementState.NotRecorded, provenance),
            Recorded<CodedConcept>.From(Snomed(wire.Route), ElementState.NotRecorded, provenance),
            Recorded<string>.From(wire.Recorded is { Length: > 0 } recorded ? recorded : null, ElementState.NotRecorded, provenance),
            provenance);
        return true;
    }

    private static string? Check(Immunization wire, NhsNumber expectedPatient, out ImmunisationStatus status, out CodedConcept? vaccine, out string? occurrence)
    {
        status = default;
        vaccine = VaccineCode(wire.VaccineCode);
        occurrence = wire.Occurrence switch
        {
            FhirDateTime { Value.Length: > 0 } dateTime => dateTime.Value,
            _ => null,
        };

        if (string.IsNullOrWhiteSpace(wire.Id))
        {
            return ImmunisationSkipReason.MissingId;
        }

        if (wire.Patient?.Identifier is not { System: NhsNumber.System } subject
            || !NhsNumber.TryParse(subject.Value, out var patient)
            || patient != expectedPatient)
        {
            return ImmunisationSkipReason.WrongPatient;
        }

        switch (wire.Status)
        {
            case Immunization.ImmunizationStatusCodes.Completed:
                status = ImmunisationStatus.Completed;
                break;
            case Immunization.ImmunizationStatusCodes.NotDone:
                status = ImmunisationStatus.NotDone;
                break;
            case Immunization.ImmunizationStatusCodes.EnteredInError:
                return ImmunisationSkipReason.EnteredInError;
            default:
                return ImmunisationSkipReason.BadStatus;
        }

        if (vaccine is null)
        {
            return ImmunisationSkipReason.NoVaccineCode;
        }

        return occurrence is null ? ImmunisationSkipReason.NoOccurrence : null;
    }

    private static bool IsOrganisation(ResourceReference? actor) =>
        actor is not null && (actor.Type == "Organization" || actor.Identifier?.System == ImmunisationCodeSystems.Ods);

    private static bool IsRestricted(Immunization wire, ResourceReference? performer) =>
        performer?.Identifier?.Value == WithheldOrganisationCode
        || wire.Location?.Identifier?.System == CountrySystem
        || wire.Meta?.Security.Exists(c => c.System == ConfidentialitySystem && c.Code is "R" or "V" or "REDACTED") == true;

    private static PerformingOrganisation? MapPerformer(ResourceReference? actor) =>
        actor?.Identifier is { System: ImmunisationCodeSystems.Ods, Value.Length: > 0 } id
            ? new PerformingOrganisation(id.Value, actor.Display)
            : null;

    private static VaccinationLocation? MapLocation(ResourceReference? location) =>
        location?.Identifier is { System.Length: > 0, Value.Length: > 0 } id ? new VaccinationLocation(id.System, id.Value) : null;

    private static List<CodedConcept> TargetDiseases(Immunization wire) =>
        wire.ProtocolApplied
            .SelectMany(p => p.TargetDisease)
            .Select(Snomed)
            .OfType<CodedConcept>()
            .DistinctBy(c => c.Code)
            .ToList();

    private static string? DoseNumber(Immunization wire) =>
        wire.ProtocolApplied.Select(p => p.DoseNumber).FirstOrDefault(d => d is not null) switch
        {
            PositiveInt { Value: { } n } => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FhirString { Value.Length: > 0 } text => text.Value,
            _ => null,
        };

    private static CodedConcept? VaccineCode(CodeableConcept? concept) =>
        Coded(concept, CodedConcept.Snomed) ?? Coded(concept, ImmunisationCodeSystems.Dmd);

    private static CodedConcept? Snomed(CodeableConcept? concept) => Coded(concept, CodedConcept.Snomed);

    private static CodedConcept? Coded(CodeableConcept? concept, string system) =>
        concept?.Coding.FirstOrDefault(c => c.System == system && c.Code is { Length: > 0 }) is { Code: { } code } coding
            ? new CodedConcept(system, code, coding.Display ?? concept.Text)
            : null;

    private static Recorded<IReadOnlyList<CodedConcept>> List(List<CodedConcept> items, Provenance provenance) =>
        items.Count == 0
            ? Recorded<IReadOnlyList<CodedConcept>>.Absent(ElementState.NotRecorded, provenance)
            : Recorded<IReadOnlyList<CodedConcept>>.Present(items, provenance);
}
