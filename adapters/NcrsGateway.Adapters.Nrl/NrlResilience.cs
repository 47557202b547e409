using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>
/// The outbound pipeline for NRL: a concurrency budget, total and per-attempt timeouts, jittered retries
/// that honour a short upstream Retry-After, and a circuit breaker.
/// </summary>
/// <remarks>
/// NRL's preferred search is <c>POST /DocumentReference/_search</c>, a read that happens to use POST.
/// <c>DisableForUnsafeHttpMethods()</c> would stop it ever being retried, so instead retries are limited
/// explicitly to GET and to requests the client marks with <see cref="SafeToRetry"/> (only the search).
/// Any other POST, PUT, PATCH or DELETE is never retried.
/// </remarks>
internal static class NrlResilience
{
    /// <summary>Set on a non-GET request that is a read and may be re-sent (the POST search).</summary>
    public static readonly HttpRequestOptionsKey<bool> SafeToRetry = new("NcrsGateway.Nrl.SafeToRetry");

    public static void Configure(HttpStandardResilienceOptions o, NrlOptions nrl, TimeProvider time)
    {
        o.RateLimiter.DefaultRateLimiterOptions.PermitLimit = nrl.MaxConcurrentRequests;
        o.RateLimiter.DefaultRateLimiterOptions.QueueLimit = 0;

        o.TotalRequestTimeout.Timeout = nrl.TotalTimeout;
        o.AttemptTimeout.Timeout = nrl.AttemptTimeout;

        o.Retry.MaxRetryAttempts = Math.Max(1, nrl.MaxRetries);
        o.Retry.Delay = nrl.RetryBaseDelay;
        o.Retry.BackoffType = DelayBackoffType.Exponential;
        o.Retry.UseJitter = true;
        o.Retry.ShouldRetryAfterHeader = true;
        o.Retry.ShouldHandle = args => ValueTask.FromResult(
            nrl.MaxRetries > 0
            && IsRetryable(args.Context.GetRequestMessage())
            && HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !AsksToWaitTooLong(args.Outcome.Result, nrl.MaxRetryAfterWait, time));

        o.CircuitBreaker.FailureRatio = nrl.BreakerFailureRatio;
        o.CircuitBreaker.MinimumThroughput = nrl.BreakerMinimumThroughput;
        o.CircuitBreaker.BreakDuration = nrl.BreakDuration;
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, nrl.AttemptTimeout.Ticks * 2));
    }

    /// <summary>GET, or a request explicitly marked as a safe read.</summary>
    internal static bool IsRetryable(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get
            || (request.Options.TryGetValue(SafeToRetry, out var safe) && safe));

    /// <summary>An upstream Retry-After longer than we are willing to hold the caller for.</summary>
    internal static bool AsksToWaitTooLong(HttpResponseMessage? response, TimeSpan maxWait, TimeProvider time) =>
        response is not null && NrlErrorMapper.RetryAfter(response, time) is { } wait && wait > maxWait;
}
