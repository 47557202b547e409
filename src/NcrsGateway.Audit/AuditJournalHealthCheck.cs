using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NcrsGateway.Audit;

/// <summary>
/// Readiness of the write-ahead journal. After a write error (disk full, read-only filesystem) it probes the journal
/// once per check: Unhealthy while it still cannot be written (every audited request is refused with
/// audit-unavailable), Healthy again as soon as it can. No patient data, no paths.
/// </summary>
internal sealed class AuditJournalHealthCheck(AuditTrail trail) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (trail.JournalFailure is null)
        {
            return HealthCheckResult.Healthy("Audit journal writable.");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await trail.ProbeJournalAsync(timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Audit journal writable again.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var kind = trail.JournalFailure?.GetType().Name ?? e.GetType().Name;
            return HealthCheckResult.Unhealthy(
                $"Audit journal cannot be written ({kind}: disk full or read-only?): audited requests are refused with audit-unavailable until it can.");
        }
    }
}
