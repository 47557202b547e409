using Microsoft.Extensions.Http.Resilience;
using NcrsGateway.Adapters.Http;

namespace NcrsGateway.Adapters.Pds;

/// <summary>
/// The outbound pipeline for PDS (see <see cref="UpstreamResilience"/>), with retries for reads only:
/// unsafe HTTP methods are never retried.
/// </summary>
internal static class PdsResilience
{
    public static void Configure(HttpStandardResilienceOptions o, PdsOptions pds, TimeProvider time)
    {
        UpstreamResilience.Configure(o, pds, time);
        o.Retry.DisableForUnsafeHttpMethods();
    }

    /// <summary>An upstream Retry-After longer than we are willing to hold the caller for.</summary>
    internal static bool AsksToWaitTooLong(HttpResponseMessage? response, TimeSpan maxWait) =>
        UpstreamResilience.AsksToWaitTooLong(response, maxWait, TimeProvider.System);
}
