namespace NcrsGateway.Audit.Storage;

/// <summary>
/// An audit record as stored and journalled: the patient only as ciphertext and keyed hash, the time in
/// whole microseconds (the precision both stores keep). Codes are stable text (<see cref="AuditCodes"/>).
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
    string? Detail);
