namespace NcrsGateway.Core.Diagnostics;

/// <summary>
/// One finished inbound request as support sees it: names, codes and times only, never an identifier. The route is the
/// template (<c>/fhir/Patient/{nhsNumber}</c>), never the path asked for.
/// </summary>
/// <param name="CorrelationId">The request's correlation ID (the caller's, or the one the gateway created).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Route">The matched route template, or <c>(unmatched)</c>.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="Outcome"><c>ok</c>, or the taxonomy code of the OperationOutcome answered.</param>
/// <param name="StartedAt">When the request arrived.</param>
/// <param name="Duration">The gateway's whole time for it.</param>
/// <param name="Instance">The gateway instance that served it.</param>
/// <param name="UpstreamCalls">Each upstream call, in the order they finished.</param>
/// <param name="CacheDecision"><c>hit</c>, <c>miss</c>, <c>refresh</c>, or null when no cache stood in front of the route.</param>
/// <param name="AuditWrite">How long the audit row took to become durable, or null when none was written.</param>
/// <param name="Dimensions">Who it came from, folded to bounded sets.</param>
public sealed record CompletedRequest(
    string CorrelationId,
    string Method,
    string Route,
    int Status,
    string Outcome,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string Instance,
    IReadOnlyList<UpstreamCallTiming> UpstreamCalls,
    string? CacheDecision,
    TimeSpan? AuditWrite,
    RequestDimensions Dimensions)
{
    /// <summary>The time the upstream calls took, added up (parallel calls counted each).</summary>
    public TimeSpan UpstreamTime
    {
        get
        {
            var total = TimeSpan.Zero;
            foreach (var call in UpstreamCalls)
            {
                total += call.Duration;
            }

            return total;
        }
    }
}
