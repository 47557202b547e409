using Microsoft.Extensions.Http.Resilience;
using NcrsGateway.Adapters.Http;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>
/// The outbound pipeline for the Immunisation FHIR API (see <see cref="UpstreamResilience"/>). The adapter only
/// sends the search GET, a safe read, so it is retried; unsafe methods never are, should one ever be added.
/// </summary>
internal static class ImmunisationResilience
{
    public static void Configure(HttpStandardResilienceOptions o, ImmunisationOptions immunisation, TimeProvider time)
    {
        UpstreamResilience.Configure(o, immunisation, time);
        o.Retry.DisableForUnsafeHttpMethods();
    }
}
