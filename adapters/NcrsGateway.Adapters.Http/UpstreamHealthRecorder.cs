using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// Outermost on an adapter's client: records when the upstream answered without a transient failure (the same test
/// the breaker uses), after retries, so <see cref="UpstreamHealth.LastSuccess"/> means "a caller got an answer".
/// </summary>
internal sealed class UpstreamHealthRecorder(UpstreamHealth health, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!HttpClientResiliencePredicates.IsTransient(Outcome.FromResult(response)))
        {
            health.Succeeded(time.GetUtcNow());
        }

        return response;
    }
}
