using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NcrsGateway.Core.Adapters;
using Polly.CircuitBreaker;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// One configured adapter in <c>/health/ready</c>, named by its descriptor: Healthy while its breaker is closed, Degraded
/// while it is open or probing (the gateway still serves everything else). Reports the breaker state and the last
/// success time only: no request, patient or URL.
/// An adapter whose calls do not go through <c>AddUpstreamHttpClient</c> (the documents pass-through) has no breaker:
/// it is listed as Healthy with <c>breaker: none</c>, and its failures show in its own log events.
/// </summary>
internal sealed class UpstreamHealthCheck(AdapterDescriptor descriptor, UpstreamHealth? health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (health is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy(
                $"{descriptor.Name}: no breaker (pass-through); its failures are in its log events.",
                new Dictionary<string, object>(StringComparer.Ordinal) { ["adapter"] = descriptor.Name, ["breaker"] = "none" }));
        }

        var breaker = health.Breaker;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["adapter"] = descriptor.Name,
            ["breaker"] = breaker.ToString(),
            ["lastSuccess"] = health.LastSuccess?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "never",
        };
        return Task.FromResult(breaker == CircuitState.Closed
            ? HealthCheckResult.Healthy($"{descriptor.Name}: breaker closed.", data)
            : HealthCheckResult.Degraded($"{descriptor.Name}: breaker {breaker.ToString().ToLowerInvariant()}, calls to it are refused fast until it recovers.", data: data));
    }
}
