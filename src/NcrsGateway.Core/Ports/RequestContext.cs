namespace NcrsGateway.Core.Ports;

/// <summary>
/// Who is asking and how to trace it: passed to every adapter call so each upstream request
/// carries the caller's correlation ID and the end user's organisation.
/// </summary>
/// <param name="CorrelationId">The ID the caller gave (or the gateway created) for this request.</param>
/// <param name="EndUserOrganisationOds">The end user's ODS code, when known; adapters fall back to their configured one.</param>
public sealed record RequestContext(string CorrelationId, string? EndUserOrganisationOds)
{
    /// <summary>Whether a clinician is waiting (the default) or this is background work, for the upstream's request budget.</summary>
    public RequestPriority Priority { get; init; } = RequestPriority.Clinical;
}
