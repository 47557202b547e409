using NcrsGateway.Core.Errors;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>
/// The auditor's 503: the taxonomy code <c>audit-unavailable</c> (callers switch on the code), with a next step that fits
/// someone searching the audit trail (not "select the patient again") and a <c>Retry-After</c>.
/// </summary>
internal static class AuditSearchUnavailable
{
    /// <summary>How long an auditor is told to wait: the store's own retries start within seconds; a search is never urgent care.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    public static readonly GatewayError Error = new(
        GatewayErrors.AuditUnavailable.Code,
        GatewayErrors.AuditUnavailable.HttpStatus,
        GatewayErrors.AuditUnavailable.IssueType,
        "The audit trail cannot be searched right now. Run the same search again after the time given in Retry-After; no access is lost meanwhile, because every access is still recorded. If it keeps happening, report it to your IT service desk with the correlation ID.",
        GatewayErrors.AuditUnavailable.Category);

    public static GatewayException Exception(Exception? inner = null) => new(Error, retryAfter: RetryAfter, inner: inner);
}
