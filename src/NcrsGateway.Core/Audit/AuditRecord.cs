using NcrsGateway.Core.Errors;

namespace NcrsGateway.Core.Audit;

/// <summary>
/// One audited access, in the gateway's terms (mapped to a FHIR AuditEvent at the edge).
/// <paramref name="Patient"/> is encrypted at rest and searchable only by keyed hash.
/// <paramref name="Detail"/> is free text for auditors: never an NHS number, name or address.
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
    string? Detail);
