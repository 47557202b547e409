namespace NcrsGateway.Core.Audit;

/// <summary>
/// Whose rows an audit search may see: one organisation's (the auditor's own ODS code, from the token) or, for a
/// national auditor only, every organisation's. There is no default: every search states its scope.
/// </summary>
public sealed record AuditScope
{
    private AuditScope(string? organisationOds) => OrganisationOds = organisationOds;

    /// <summary>Every organisation's rows (role national-auditor), rows with no organisation included.</summary>
    public static AuditScope National { get; } = new((string?)null);

    /// <summary>The ODS code whose users' rows may be seen; null only for <see cref="National"/>.</summary>
    public string? OrganisationOds { get; }

    /// <summary>Only rows recorded for users of <paramref name="ods"/>.</summary>
    public static AuditScope Organisation(string ods)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ods);
        return new AuditScope(ods);
    }
}
