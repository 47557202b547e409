namespace NcrsGateway.Adapters.Http;

/// <summary>
/// A call refused before it reached the upstream: a remembered Retry-After has not passed, or the circuit is open.
/// <see cref="UpstreamErrors.Translate"/> turns it into <c>upstream-busy</c> or <c>upstream-unavailable</c> with the time left.
/// </summary>
public sealed class UpstreamBackoffException : Exception
{
    public UpstreamBackoffException()
        : this(TimeSpan.Zero, circuitOpen: false)
    {
    }

    public UpstreamBackoffException(string message)
        : base(message)
    {
    }

    public UpstreamBackoffException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public UpstreamBackoffException(TimeSpan retryAfter, bool circuitOpen, Exception? inner = null)
        : base(circuitOpen ? "The upstream's circuit is open." : "The upstream asked not to be called yet.", inner)
    {
        RetryAfter = retryAfter;
        CircuitOpen = circuitOpen;
    }

    /// <summary>How long until the upstream may be called again.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>True when the breaker refused the call; false when a remembered Retry-After did.</summary>
    public bool CircuitOpen { get; }
}
