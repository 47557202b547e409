using Microsoft.Extensions.Http.Resilience;
using NcrsGateway.Adapters.Http;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>
/// The outbound pipeline for NRL (see <see cref="UpstreamResilience"/>: a concurrency budget, total and per-attempt
/// timeouts, jittered retries that honour a short upstream Retry-After, and a circuit breaker).
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

    public static void Configure(HttpStandardResilienceOptions o, NrlOptions nrl, TimeProvider time) =>
        UpstreamResilience.Configure(o, nrl, time, IsRetryable);

    /// <summary>GET, or a request explicitly marked as a safe read.</summary>
    internal static bool IsRetryable(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get
            || (request.Options.TryGetValue(SafeToRetry, out var safe) && safe));
}
