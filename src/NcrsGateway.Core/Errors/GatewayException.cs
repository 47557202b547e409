namespace NcrsGateway.Core.Errors;

/// <summary>
/// Thrown anywhere in the gateway to end a request with a taxonomy error. The host turns it into an
/// OperationOutcome in exactly one place. <see cref="Detail"/> is shown to callers: never put upstream
/// internals, stack traces or patient identifiers in it.
/// </summary>
public sealed class GatewayException : Exception
{
    public GatewayException(GatewayError error, string? detail = null, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(detail ?? error.Advice, inner)
    {
        Error = error;
        Detail = detail;
        RetryAfter = retryAfter;
    }

    public GatewayError Error { get; }

    /// <summary>An extra sentence for the caller, added after the taxonomy advice.</summary>
    public string? Detail { get; }

    public TimeSpan? RetryAfter { get; }
}
