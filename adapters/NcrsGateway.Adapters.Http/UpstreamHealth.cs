using Polly.CircuitBreaker;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// What readiness reports about one upstream: its circuit breaker's state (from the resilience pipeline's breaker
/// events) and when it last answered without a transient failure (from the send path). Holds no request data.
/// </summary>
public sealed class UpstreamHealth : IDisposable
{
    private int _breaker = (int)CircuitState.Closed;
    private long _lastSuccessTicks;

    public UpstreamHealth(string upstream)
    {
        Upstream = upstream;
        UpstreamBreakerMetrics.Started(this);
    }

    /// <summary>The upstream's name as metrics tag it (<c>ncrs.upstream</c>).</summary>
    public string Upstream { get; }

    public CircuitState Breaker => (CircuitState)Volatile.Read(ref _breaker);

    /// <summary>When the upstream last answered with anything but a transient failure; null when it never has.</summary>
    public DateTimeOffset? LastSuccess => Interlocked.Read(ref _lastSuccessTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    internal void BreakerChanged(CircuitState state) => Volatile.Write(ref _breaker, (int)state);

    internal void Succeeded(DateTimeOffset at) => Interlocked.Exchange(ref _lastSuccessTicks, at.UtcTicks);

    public void Dispose() => UpstreamBreakerMetrics.Stopped(this);
}
