using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NcrsGateway.Caching.Redis;

/// <summary>
/// Readiness: Redis down, hung or suspended after a timeout is Degraded (the gateway still serves, per instance;
/// patient selection answers selection-unavailable), never Unhealthy. A connected Redis is pinged, so a hung one
/// is reported within <see cref="RedisOptions.OperationTimeout"/>.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConfigured)
        {
            return HealthCheckResult.Healthy("Redis not configured: per-instance cache and rate limits.");
        }

        if (redis.IsAvailable)
        {
            try
            {
                await redis.RunAsync(db => db.PingAsync()).ConfigureAwait(false);
                return HealthCheckResult.Healthy("Redis connected.");
            }
            catch (Exception e) when (RedisConnection.IsOutage(e))
            {
                // reported below
            }
        }

        return HealthCheckResult.Degraded("Redis unreachable or not answering: per-instance cache and rate limits, no patient selection, until it returns.");
    }
}
