namespace NcrsGateway.Security;

/// <summary>Roles and what each may do. A token may carry several.</summary>
internal static class GatewayRoles
{
    /// <summary>Reads and searches demographics and pointers, verifies, selects and launches NCRS.</summary>
    public const string Clinician = "clinician";

    /// <summary>Reads and searches only (for example administrative staff); cannot launch NCRS.</summary>
    public const string Reader = "reader";

    /// <summary>Searches the audit trail; no clinical data access.</summary>
    public const string Auditor = "auditor";
}
