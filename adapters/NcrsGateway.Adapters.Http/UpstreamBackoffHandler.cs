using Polly.CircuitBreaker;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// Outside the resilience handler: gives an open breaker's refusal its real remaining break time. (A remembered
/// Retry-After is enforced by the request budget, <see cref="UpstreamBudgetHandler"/>.)
/// </summary>
internal sealed class UpstreamBackoffHandler(UpstreamBackoff backoff) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            throw new UpstreamBackoffException(backoff.CircuitRemaining(), circuitOpen: true, e);
        }
    }
}
