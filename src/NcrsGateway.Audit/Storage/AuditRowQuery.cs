namespace NcrsGateway.Audit.Storage;

/// <summary>A store-level search: every filter optional; newest first; rows strictly after <see cref="After"/> in that order.</summary>
internal sealed record AuditRowQuery(
    byte[]? PatientHash,
    string? UserId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Outcome,
    IReadOnlyList<string>? FailureCategories,
    int Limit,
    AuditCursor? After)
{
    /// <summary>Only rows of users of this organisation; null: every organisation (a national auditor's search).</summary>
    public string? OrganisationOds { get; init; }

    /// <summary>Only the row with this id (an AuditEvent read).</summary>
    public Guid? Id { get; init; }
}
