namespace NcrsGateway.Core.Errors;

/// <summary>
/// One entry of the gateway's error taxonomy: a stable code callers can switch on, the HTTP status,
/// the FHIR issue type, and a sentence that tells a clinician what to do next.
/// A caller that knows the route better may answer with <c>error with { Advice = ... }</c>: the code, status and
/// Retry-After stay the taxonomy's.
/// </summary>
public sealed record GatewayError(
    string Code,
    int HttpStatus,
    string IssueType,
    string Advice,
    FailureCategory Category)
{
    /// <summary>
    /// How long a caller should wait before trying again, sent as <c>Retry-After</c> when the exception names no wait of
    /// its own. Every 503 entry has one; any other 503 gets <see cref="GatewayErrors.DefaultRetryAfter"/>.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }
}
