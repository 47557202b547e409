using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NcrsGateway.Hosting;

/// <summary>Readiness: Redis down is Degraded (the gateway still serves, per instance), never Unhealthy.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis switch
        {
            { IsConfigured: false } => HealthCheckResult.Healthy("Redis not configured: per-instance cache and rate limits."),
            { IsAvailable: true } => HealthCheckResult.Healthy("Redis connected."),
            _ => HealthCheckResult.Degraded("Redis unreachable: per-instance cache and rate limits until it returns."),
        });
}
