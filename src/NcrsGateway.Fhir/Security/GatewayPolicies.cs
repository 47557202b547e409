namespace NcrsGateway.Fhir.Security;

/// <summary>Authorization policy names. Every endpoint names one, or is explicitly anonymous.</summary>
public static class GatewayPolicies
{
    /// <summary>Read and search national demographics and pointers; verify demographics.</summary>
    public const string Reader = "Reader";

    /// <summary>Select a patient and launch NCRS for them.</summary>
    public const string Launcher = "Launcher";

    /// <summary>Search the audit trail: the rows of the auditor's own organisation (token claim <c>ods</c>).</summary>
    public const string Auditor = "Auditor";

    /// <summary>Search every organisation's audit rows (role national-auditor); an <see cref="Auditor"/> too.</summary>
    public const string NationalAuditor = "NationalAuditor";

    /// <summary>Operate the gateway's background work (the events inbox): no clinical data, no audit search.</summary>
    public const string Operator = "Operator";
    /// <summary>Operations support: the support lookup (<c>/ops</c>) and readiness detail; no clinical data, no audit search.</summary>
    public const string Support = "Support";
}
