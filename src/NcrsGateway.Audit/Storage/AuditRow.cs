namespace NcrsGateway.Audit.Storage;

/// <summary>
/// An audit record as stored and journalled: the patient only as ciphertext and keyed hash, the time in
/// whole microseconds (the precision both stores keep). Codes are stable text (<see cref="AuditCodes"/>).
/// <see cref="PatientCipher"/> holds every patient the row names (<see cref="Crypto.PatientProtector"/>);
/// <see cref="PatientHash"/> the first one's keyed hash (indexed), <see cref="PatientHashes"/> every one's, the first
/// included (the others go to table <c>audit_event_patient</c>, so a search by any of them finds the row). Journal lines written before
/// <see cref="PatientHashes"/> existed have none: <see cref="AllPatientHashes"/> falls back to <see cref="PatientHash"/>.
/// </summary>
internal sealed record AuditRow(
    Guid Id,
    DateTimeOffset Recorded,
    string Action,
    string Outcome,
    string? FailureCategory,
    string? FailureCode,
    string? UserId,
    string? UserRole,
    string? OrganisationOds,
    string? WorkstationId,
    string? ClientApp,
    string? OriginFeature,
    string? EncounterId,
    byte[]? PatientCipher,
    byte[]? PatientHash,
    string CorrelationId,
    string? Detail)
{
    public IReadOnlyList<byte[]>? PatientHashes { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<byte[]> AllPatientHashes => PatientHashes ?? (PatientHash is { } one ? [one] : []);
}
