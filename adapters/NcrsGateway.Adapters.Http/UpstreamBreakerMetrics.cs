using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NcrsGateway.Core.Diagnostics;
using Polly.CircuitBreaker;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// <c>ncrs.upstream.breaker.state</c>: each upstream's circuit breaker, observed at each collection (0 closed,
/// 1 half-open, 2 open, 3 isolated), tagged <c>ncrs.upstream</c>. Costs nothing between collections.
/// </summary>
internal static class UpstreamBreakerMetrics
{
    private static readonly ConcurrentDictionary<UpstreamHealth, byte> Live = new();

    private static readonly ObservableGauge<long> State = GatewayMetrics.ObserveGauge(
        "ncrs.upstream.breaker.state", "{state}", "Each upstream's circuit breaker: 0 closed, 1 half-open, 2 open, 3 isolated.", Observe);

    public static void Started(UpstreamHealth health)
    {
        _ = State; // the gauge exists once any upstream does
        Live.TryAdd(health, 0);
    }

    public static void Stopped(UpstreamHealth health) => Live.TryRemove(health, out _);

    /// <summary>The gauge's value for a breaker state.</summary>
    public static long Value(CircuitState state) => state switch
    {
        CircuitState.Closed => 0,
        CircuitState.HalfOpen => 1,
        CircuitState.Open => 2,
        _ => 3,
    };

    private static IEnumerable<Measurement<long>> Observe() =>
        [.. Live.Keys.Select(h => new Measurement<long>(Value(h.Breaker), new KeyValuePair<string, object?>(GatewayMetrics.Tags.Upstream, h.Upstream)))];
}
