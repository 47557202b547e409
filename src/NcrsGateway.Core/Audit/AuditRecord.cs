using NcrsGateway.Core.Errors;

namespace NcrsGateway.Core.Audit;

/// <summary>
/// One audited access, in the gateway's terms (mapped to a FHIR AuditEvent at the edge).
/// <paramref name="Patient"/> is encrypted at rest and searchable only by keyed hash.
/// <paramref name="Detail"/> is free text for auditors: never an NHS number, name or address.
/// <paramref name="Patient"/> is the patient the request was about (the first named); a response that names several
/// (a demographic search, a superseded NHS number) lists the others in <see cref="OtherPatients"/>, up to
/// <see cref="MaxPatients"/> in all. Every one of them is searchable.
/// </summary>
public sealed record AuditRecord(
    Guid Id,
    DateTimeOffset Recorded,
    string Action,
    AuditOutcome Outcome,
    FailureCategory? FailureCategory,
    string? FailureCode,
    string? UserId,
    string? UserRole,
    string? OrganisationOds,
    string? WorkstationId,
    string? ClientApp,
    string? OriginFeature,
    string? EncounterId,
    NhsNumber? Patient,
    string CorrelationId,
    string? Detail)
{
    /// <summary>The most patients one row names: a demographic search returns at most 50 (PDS's own limit).</summary>
    public const int MaxPatients = 50;

    /// <summary>Patients the response named besides <see cref="Patient"/>, without repeats; empty for most rows.</summary>
    public IReadOnlyList<NhsNumber> OtherPatients { get; init; } = [];

    /// <summary>Every patient the row names: <see cref="Patient"/> first, then <see cref="OtherPatients"/>.</summary>
    public IEnumerable<NhsNumber> Patients => Patient is { } first ? OtherPatients.Prepend(first) : OtherPatients;

    public bool Equals(AuditRecord? other) =>
        other is not null
        && Id == other.Id && Recorded == other.Recorded && Action == other.Action && Outcome == other.Outcome
        && FailureCategory == other.FailureCategory && FailureCode == other.FailureCode && UserId == other.UserId
        && UserRole == other.UserRole && OrganisationOds == other.OrganisationOds && WorkstationId == other.WorkstationId
        && ClientApp == other.ClientApp && OriginFeature == other.OriginFeature && EncounterId == other.EncounterId
        && Patient == other.Patient && CorrelationId == other.CorrelationId && Detail == other.Detail
        && OtherPatients.SequenceEqual(other.OtherPatients);

    public override int GetHashCode() => HashCode.Combine(Id, Recorded, Action, CorrelationId);
}
