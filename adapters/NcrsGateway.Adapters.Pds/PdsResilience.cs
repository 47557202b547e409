using Microsoft.Extensions.Http.Resilience;

namespace NcrsGateway.Adapters.Pds;

/// <summary>
/// The outbound pipeline for PDS: a concurrency budget, total and per-attempt timeouts, jittered retries
/// for reads only that honour a short upstream Retry-After, and a circuit breaker.
/// </summary>
internal static class PdsResilience
{
    public static void Configure(HttpStandardResilienceOptions o, PdsOptions pds)
    {
        o.RateLimiter.DefaultRateLimiterOptions.PermitLimit = pds.MaxConcurrentRequests;
        o.RateLimiter.DefaultRateLimiterOptions.QueueLimit = 0;

        o.TotalRequestTimeout.Timeout = pds.TotalTimeout;
        o.AttemptTimeout.Timeout = pds.AttemptTimeout;

        o.Retry.MaxRetryAttempts = Math.Max(1, pds.MaxRetries);
        o.Retry.Delay = pds.RetryBaseDelay;
        o.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
        o.Retry.UseJitter = true;
        o.Retry.ShouldRetryAfterHeader = true;
        o.Retry.ShouldHandle = args => ValueTask.FromResult(
            pds.MaxRetries > 0
            && HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !AsksToWaitTooLong(args.Outcome.Result, pds.MaxRetryAfterWait));
        o.Retry.DisableForUnsafeHttpMethods();

        o.CircuitBreaker.FailureRatio = pds.BreakerFailureRatio;
        o.CircuitBreaker.MinimumThroughput = pds.BreakerMinimumThroughput;
        o.CircuitBreaker.BreakDuration = pds.BreakDuration;
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, pds.AttemptTimeout.Ticks * 2));
    }

    /// <summary>An upstream Retry-After longer than we are willing to hold the caller for.</summary>
    internal static bool AsksToWaitTooLong(HttpResponseMessage? response, TimeSpan maxWait) =>
        response is not null && PdsErrorMapper.RetryAfter(response) is { } wait && wait > maxWait;
}
