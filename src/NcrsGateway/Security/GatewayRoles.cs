namespace NcrsGateway.Security;

/// <summary>Roles and what each may do. A token may carry several.</summary>
internal static class GatewayRoles
{
    /// <summary>Reads and searches demographics and pointers, verifies, selects and launches NCRS.</summary>
    public const string Clinician = "clinician";

    /// <summary>Reads and searches only (for example administrative staff); cannot launch NCRS.</summary>
    public const string Reader = "reader";

    /// <summary>Searches the audit trail of their own organisation (the token's <c>ods</c> claim); no clinical data access.</summary>
    public const string Auditor = "auditor";

    /// <summary>Searches the audit trail of every organisation (for example NHS England's national audit team); no clinical data access.</summary>
    public const string NationalAuditor = "national-auditor";

    /// <summary>
    /// Operational support staff: signed in and recorded, with no clinical data access and no audit search; the only role
    /// that reads readiness detail (<c>/health/ready</c> as JSON: upstreams, breakers, Redis, audit backlog).
    /// </summary>
    public const string Support = "support";

    /// <summary>Operators: list and reprocess national change events; no clinical data access and no audit search.</summary>
    public const string Ops = "ops";

    /// <summary>Every role the gateway knows, for validating configured role maps.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Clinician, Reader, Auditor, NationalAuditor, Support, Ops };
}
