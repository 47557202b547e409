namespace NcrsGateway.Core.Ports;

/// <summary>
/// Who is asking and how to trace it: passed to every adapter call so each upstream request
/// carries the caller's correlation ID and the end user's organisation.
/// </summary>
/// <param name="CorrelationId">The ID the caller gave (or the gateway created) for this request.</param>
/// <param name="EndUserOrganisationOds">The end user's ODS code, when known; adapters fall back to their configured one.</param>
public sealed record RequestContext(string CorrelationId, string? EndUserOrganisationOds)
{
    /// <summary>Where the inbound request's time goes (Server-Timing, the support lookup), or null outside a request.</summary>
    public Diagnostics.RequestTimeline? Timeline { get; init; }

    /// <summary>
    /// The inbound request's span when it was traced (default otherwise): upstream spans hang under it even when the
    /// call runs where the ambient activity does not flow (a cache's shared fetch).
    /// </summary>
    public System.Diagnostics.ActivityContext TraceParent { get; init; }

    /// <summary>Whether a clinician is waiting (the default) or this is background work, for the upstream's request budget.</summary>
    public RequestPriority Priority { get; init; } = RequestPriority.Clinical;
}
