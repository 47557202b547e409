using Polly.CircuitBreaker;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// Outermost handler of an upstream client: refuses a call while the upstream's remembered Retry-After has not passed
/// (before it takes a concurrency permit or reaches the breaker), and gives an open breaker's refusal its real remaining
/// break time.
/// </summary>
internal sealed class UpstreamBackoffHandler(UpstreamBackoff backoff) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (backoff.QuietRemaining() is { } wait)
        {
            throw new UpstreamBackoffException(wait, circuitOpen: false);
        }

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
