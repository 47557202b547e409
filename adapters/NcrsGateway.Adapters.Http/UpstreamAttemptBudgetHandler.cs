using System.Diagnostics;
using System.Net;
using NcrsGateway.Core.Diagnostics;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// Inside the resilience handler, on every attempt: a retry takes its own token from the budget (so retries never
/// exceed it), waiting for at most what is left of the call's wait and half the attempt timeout; and an upstream 429
/// (with its Retry-After, else 1 s) or a 503 with a Retry-After pauses the budget, here and on every instance sharing
/// it, so no other caller's request reaches the upstream before it passes. A 429 is a budget signal: the breaker does
/// not count it (<see cref="UpstreamResilience"/>).
/// </summary>
internal sealed class UpstreamAttemptBudgetHandler(UpstreamBudget budget, UpstreamBackoff backoff, TimeSpan attemptTimeout) : DelegatingHandler
{
    private static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(UpstreamBudgetHandler.TokenHeld, out var held) && held)
        {
            request.Options.Set(UpstreamBudgetHandler.TokenHeld, false); // the first attempt uses the call's token
        }
        else
        {
            var priority = request.Options.TryGetValue(UpstreamBudgetHandler.Priority, out var p) ? p : RequestPriority.Clinical;
            var decision = await budget.EnterAsync(priority, RetryWait(request), cancellationToken).ConfigureAwait(false);
            if (decision.Refusal is { } refused)
            {
                throw refused;
            }
        }

        request.Options.TryGetValue(UpstreamAttempts.Key, out var attempts);
        attempts?.Started(); // counted for the sender's span and the request's timeline
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var retryAfter = UpstreamErrors.RetryAfter(response, backoff.Time) is { } asked && asked > TimeSpan.Zero ? asked : (TimeSpan?)null;
        if (retryAfter is { } askedWait && response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            var tags = GatewayMetrics.TagsFor(attempts?.Dimensions); // organisation, site and client of the request that was held off
            tags.Add(GatewayMetrics.Tags.Upstream, budget.Name);
            GatewayMetrics.UpstreamRetryAfter.Record(askedWait.TotalSeconds, tags);
        }

        if (response.StatusCode is HttpStatusCode.TooManyRequests)
        {
            budget.Pause(retryAfter ?? DefaultPause);
        }
        else if (response.StatusCode is HttpStatusCode.ServiceUnavailable && retryAfter is { } wait)
        {
            budget.Pause(wait);
        }

        attempts?.Answered((int)response.StatusCode, retryAfter is not null && response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable);
        return response;
    }

    private TimeSpan RetryWait(HttpRequestMessage request)
    {
        var cap = attemptTimeout / 2;
        if (!request.Options.TryGetValue(UpstreamBudgetHandler.WaitDeadline, out var deadline))
        {
            return cap;
        }

        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
        return left <= TimeSpan.Zero ? TimeSpan.Zero : left < cap ? left : cap;
    }
}
