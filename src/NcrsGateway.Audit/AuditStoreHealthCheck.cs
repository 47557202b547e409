using Microsoft.Extensions.Diagnostics.HealthChecks;
using NcrsGateway.Audit.Storage;

namespace NcrsGateway.Audit;

/// <summary>
/// Readiness of the audit trail, for support staff and load balancers. Store unreachable: Degraded (reads are
/// still audited through the journal, but NCRS launches fail closed until it is back). A large journal backlog:
/// Degraded. Neither reveals any patient data.
/// </summary>
internal sealed class AuditStoreHealthCheck(IAuditStore store, AuditTrail trail) : IHealthCheck
{
    public const int BacklogWarning = 10_000;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = trail.PendingCount;
        var data = new Dictionary<string, object> { ["pendingRows"] = pending };
        try
        {
            await store.PingAsync(cancellationToken).ConfigureAwait(false); // bounded by the readiness check timeout (ServiceDefaults)
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded(
                "Audit store unreachable: reads are journalled, NCRS launches are refused until it is back.", data: data);
        }

        trail.NotifyStoreReachable(); // the writer retries now rather than at the end of its backoff
        if (trail.StoreDown)
        {
            return HealthCheckResult.Degraded(
                "Audit store reachable but not yet taking journalled rows: reads are journalled, NCRS launches may be refused.", data: data);
        }

        return pending > BacklogWarning
            ? HealthCheckResult.Degraded($"{pending} audit rows are waiting to be stored.", data: data)
            : HealthCheckResult.Healthy("Audit store reachable.", data);
    }
}
