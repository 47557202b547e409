using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NcrsGateway.Core.Diagnostics;

namespace NcrsGateway.Audit;

/// <summary>
/// <c>ncrs.audit.journal.depth</c>: rows acknowledged (durable in the journal) but not yet in the store, summed over the
/// live audit trails of this process (one per host), observed at each collection; and each flush's duration.
/// </summary>
internal static class AuditMetrics
{
    private static readonly ConcurrentDictionary<AuditTrail, byte> Live = new();

    private static readonly ObservableGauge<long> Depth = GatewayMetrics.ObserveGauge(
        "ncrs.audit.journal.depth", "{row}", "Audit rows durable in the journal, not yet in the store.", Observe);

    public static void Started(AuditTrail trail)
    {
        _ = Depth; // the gauge exists once any trail does
        Live.TryAdd(trail, 0);
    }

    public static void Stopped(AuditTrail trail) => Live.TryRemove(trail, out _);

    public static void Flushed(TimeSpan elapsed) => GatewayMetrics.AuditFlushDuration.Record(elapsed.TotalSeconds);

    private static IEnumerable<Measurement<long>> Observe()
    {
        long depth = 0;
        foreach (var trail in Live.Keys)
        {
            depth += trail.PendingCount;
        }

        return [new Measurement<long>(depth)];
    }
}
