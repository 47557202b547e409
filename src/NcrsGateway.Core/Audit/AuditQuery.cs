namespace NcrsGateway.Core.Audit;

/// <summary>An auditor's search; every criterion optional. <paramref name="Cursor"/> continues a previous page.</summary>
public sealed record AuditQuery(
    NhsNumber? Patient,
    string? UserId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    AuditOutcome? Outcome,
    int Count,
    string? Cursor);
