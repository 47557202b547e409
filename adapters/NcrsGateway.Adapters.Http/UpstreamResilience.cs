using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// The outbound pipeline every adapter uses: a concurrency budget, total and per-attempt timeouts, jittered
/// retries that honour a short upstream Retry-After, and a circuit breaker that does not count 429s (the request
/// budget, <see cref="UpstreamBudgetHandler"/>, pauses on them instead).
/// </summary>
public static class UpstreamResilience
{
    /// <summary>Applies <paramref name="upstream"/> to the standard resilience handler's options.</summary>
    /// <param name="o">The standard handler's options for the adapter's typed client.</param>
    /// <param name="upstream">The adapter's settings.</param>
    /// <param name="time">Clock used to read a dated Retry-After.</param>
    /// <param name="mayRetry">
    /// Which requests may be re-sent, checked alongside the transient-failure test; null leaves the choice
    /// to the caller (e.g. <c>o.Retry.DisableForUnsafeHttpMethods()</c> after this call).
    /// </param>
    public static void Configure(HttpStandardResilienceOptions o, UpstreamOptions upstream, TimeProvider time, Func<HttpRequestMessage?, bool>? mayRetry = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(time);

        o.RateLimiter.DefaultRateLimiterOptions.PermitLimit = upstream.MaxConcurrentRequests;
        o.RateLimiter.DefaultRateLimiterOptions.QueueLimit = 0;

        o.TotalRequestTimeout.Timeout = upstream.TotalTimeout;
        o.AttemptTimeout.Timeout = upstream.AttemptTimeout;

        o.Retry.MaxRetryAttempts = Math.Max(1, upstream.MaxRetries);
        o.Retry.Delay = upstream.RetryBaseDelay;
        o.Retry.BackoffType = DelayBackoffType.Exponential;
        o.Retry.UseJitter = true;
        o.Retry.ShouldRetryAfterHeader = true;
        o.Retry.ShouldHandle = args => ValueTask.FromResult(
            upstream.MaxRetries > 0
            && (mayRetry is null || mayRetry(args.Context.GetRequestMessage()))
            && HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !AsksToWaitTooLong(args.Outcome.Result, upstream.MaxRetryAfterWait, time));

        // A 429 is a budget signal (the request budget pauses on it), not a sign the upstream is failing.
        o.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests);
        o.CircuitBreaker.FailureRatio = upstream.BreakerFailureRatio;
        o.CircuitBreaker.MinimumThroughput = upstream.BreakerMinimumThroughput;
        o.CircuitBreaker.BreakDuration = upstream.BreakDuration;
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, upstream.AttemptTimeout.Ticks * 2));
    }

    /// <summary>An upstream Retry-After longer than we are willing to hold the caller for.</summary>
    /// <param name="response">The failed attempt's response, if there was one.</param>
    /// <param name="maxWait">The longest Retry-After still waited for.</param>
    /// <param name="time">Clock used to read a dated Retry-After.</param>
    public static bool AsksToWaitTooLong(HttpResponseMessage? response, TimeSpan maxWait, TimeProvider time) =>
        response is not null && UpstreamErrors.RetryAfter(response, time) is { } wait && wait > maxWait;
}
