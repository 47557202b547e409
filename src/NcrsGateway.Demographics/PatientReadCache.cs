using NcrsGateway.Audit.AspNetCore;
using NcrsGateway.Caching;
using NcrsGateway.Caching.Http;
using NcrsGateway.Core;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Demographics;

/// <summary>The metadata cache in front of <c>GET /fhir/Patient/{nhsNumber}</c>: one entry per NHS number (keyed hash).</summary>
public static class PatientReadCache
{
    /// <summary>
    /// Caches the read per NHS number. The patient is recorded for audit here too, because a hit never reaches the
    /// handler: every read is audited, cached or not.
    /// </summary>
    public static RouteHandlerBuilder CachePatientRead(this RouteHandlerBuilder route) =>
        route.WithMetadataCache(static (http, cache) =>
        {
            if (!NhsNumber.TryParse(http.Request.RouteValues["nhsNumber"] as string, out var nhsNumber))
            {
                return null;
            }

            http.AuditPatient(nhsNumber);
            return Key(cache, nhsNumber);
        });

    /// <summary>A demographics read, stored under the profile of the adapter serving <see cref="IDemographicsSource"/>.</summary>
    public static CacheEntryKey? Key(MetadataCache cache, NhsNumber nhsNumber) =>
        cache.PatientKey<IDemographicsSource>("patient", nhsNumber);
}
