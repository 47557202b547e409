using Microsoft.Extensions.Http.Resilience;
using NcrsGateway.Adapters.Http;

namespace NcrsGateway.Adapters.Mns;

/// <summary>
/// The outbound pipeline for MNS (see <see cref="UpstreamResilience"/>). A create (POST) is never retried here: a replay
/// could make a second subscription. The events feature retries it under its own idempotency record instead. The list
/// (GET) is a safe read and is retried.
/// </summary>
internal static class MnsResilience
{
    public static void Configure(HttpStandardResilienceOptions o, MnsOptions mns, TimeProvider time)
    {
        UpstreamResilience.Configure(o, mns, time);
        o.Retry.DisableForUnsafeHttpMethods();
    }
}
