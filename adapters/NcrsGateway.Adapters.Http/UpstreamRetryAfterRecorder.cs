using System.Net;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// Inside the resilience handler (so on every attempt): remembers the Retry-After of a 429 or 503, so no other caller's
/// request reaches the upstream before it passes. A retry of the same request still waits it out in the retry strategy.
/// Also counts the attempt for the sender's span and timeline (<see cref="UpstreamAttempts"/>).
/// </summary>
internal sealed class UpstreamRetryAfterRecorder(UpstreamBackoff backoff) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(UpstreamAttempts.Key, out var attempts);
        attempts?.Started();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var waitAsked = false;
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            && UpstreamErrors.RetryAfter(response, backoff.Time) is { } wait && wait > TimeSpan.Zero)
        {
            backoff.RememberRetryAfter(wait);
            waitAsked = true;
        }

        attempts?.Answered((int)response.StatusCode, waitAsked);
        return response;
    }
}
