namespace NcrsGateway.Core.Model.Immunisations;

/// <summary>
/// One vaccination as held nationally. The identity, status, vaccine and date are always present (a record
/// without them is not shown); every other element carries its own state and provenance, so a restricted
/// patient's performer is <see cref="ElementState.Withheld"/>, never a placeholder organisation.
/// </summary>
/// <param name="Id">The national service's id for the event.</param>
/// <param name="Patient">The NHS number the event is recorded against (always the one searched for).</param>
/// <param name="Status">Given or not given; events entered in error are never returned.</param>
/// <param name="VaccineCode">The vaccine product (dm+d) or vaccine concept (SNOMED CT).</param>
/// <param name="OccurrenceDateTime">When it was given, as FHIR dateTime (a date or a date and time).</param>
/// <param name="TargetDiseases">The diseases it protects against (protocolApplied.targetDisease, SNOMED CT).</param>
/// <param name="DoseNumber">The dose in its series ("1", "2", or a text such as "Booster").</param>
/// <param name="Performer">The organisation that gave it.</param>
/// <param name="Location">Where it was given.</param>
/// <param name="Batch">Lot number and expiry date.</param>
/// <param name="Site">Body site (SNOMED CT).</param>
/// <param name="Route">Route of administration (SNOMED CT).</param>
/// <param name="RecordedDate">When the event was recorded, as FHIR dateTime.</param>
/// <param name="Provenance">Provenance of the event and of its always-present elements.</param>
public sealed record ImmunisationEvent(
    string Id,
    NhsNumber Patient,
    ImmunisationStatus Status,
    CodedConcept VaccineCode,
    string OccurrenceDateTime,
    Recorded<IReadOnlyList<CodedConcept>> TargetDiseases,
    Recorded<string> DoseNumber,
    Recorded<PerformingOrganisation> Performer,
    Recorded<VaccinationLocation> Location,
    Recorded<VaccineBatch> Batch,
    Recorded<CodedConcept> Site,
    Recorded<CodedConcept> Route,
    Recorded<string> RecordedDate,
    Provenance Provenance);
