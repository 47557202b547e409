namespace NcrsGateway.Core.Audit;

/// <summary>Stable names of audited clinical actions (AuditEvent.subtype codes).</summary>
public static class AuditActions
{
    public const string PatientRead = "patient-read";
    public const string PatientSearch = "patient-search";
    public const string PatientVerify = "patient-verify";
    public const string PatientSelect = "patient-select";
    public const string PointerSearch = "pointer-search";
    public const string PointerRead = "pointer-read";
    public const string DocumentRetrieve = "document-retrieve";
    public const string ImmunisationSearch = "immunisation-search";
    public const string NcrsLaunch = "ncrs-launch";
    public const string AuditSearch = "audit-search";
    public const string AuditRead = "audit-read";

    /// <summary>A request under /fhir that no endpoint declared an action for (unknown route, wrong method): kept so probing is visible.</summary>
    public const string Other = "other";
}
