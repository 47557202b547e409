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
    /// Caches the read per NHS number, taken from the bound <see cref="PatientReadRequest"/> (which also named the patient
    /// in the audit row: a hit never reaches the handler, and every read is audited, cached or not).
    /// </summary>
    public static RouteHandlerBuilder CachePatientRead(this RouteHandlerBuilder route) =>
        route.WithMetadataCache(
            static (invocation, cache) =>
                invocation.Arguments.Count > 0 && invocation.Arguments[0] is PatientReadRequest { NhsNumber: { } nhsNumber }
                    ? Key(cache, nhsNumber)
                    : null,
            AuditCurrentRecord);

    /// <summary>
    /// A superseded number's entry names the current record (<c>Content-Location: Patient/{current}</c>): a request
    /// served from it names both patients in its audit row, as the handler does on a miss.
    /// </summary>
    private static void AuditCurrentRecord(HttpContext http, CachedFhirResponse entry)
    {
        if (entry.RelativeContentLocation is { } location
            && location.StartsWith("Patient/", StringComparison.Ordinal)
            && NhsNumber.TryParse(location["Patient/".Length..], out var current))
        {
            http.AuditPatient(current);
        }
    }

    /// <summary>A demographics read, stored under the profile of the adapter serving <see cref="IDemographicsSource"/>.</summary>
    public static CacheEntryKey? Key(MetadataCache cache, NhsNumber nhsNumber) =>
        cache.PatientKey<IDemographicsSource>("patient", nhsNumber);
}
