namespace NcrsGateway.Core.Audit;

/// <summary>
/// An auditor's search; every criterion optional. <paramref name="Cursor"/> continues a previous page.
/// <paramref name="FailureCategories"/>, when given, keeps only failures in those categories (FHIR outcome 4 vs 8).
/// <see cref="Scope"/> is required: an auditor sees their own organisation's rows unless they are a national auditor.
/// </summary>
public sealed record AuditQuery(
    NhsNumber? Patient,
    string? UserId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    AuditOutcome? Outcome,
    int Count,
    string? Cursor,
    IReadOnlyList<Errors.FailureCategory>? FailureCategories = null)
{
    /// <summary>Whose rows the search may return.</summary>
    public required AuditScope Scope { get; init; }

    /// <summary>Only the row with this id (<c>GET AuditEvent/{id}</c>), still within <see cref="Scope"/>.</summary>
    public Guid? Id { get; init; }
}
