using NcrsGateway.Audit;
using NcrsGateway.Fhir;
using NcrsGateway.Core;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Caching.Http;

/// <summary>Puts the metadata cache in front of endpoints (the cache itself: <see cref="MetadataCacheServiceCollectionExtensions.AddMetadataCache"/>).</summary>
internal static class MetadataCacheExtensions
{
    /// <summary>Caches this endpoint's answers under the key <paramref name="keyOf"/> gives (null: not cached).</summary>
    public static RouteHandlerBuilder WithMetadataCache(this RouteHandlerBuilder route, Func<HttpContext, MetadataCache, CacheEntryKey?> keyOf) =>
        route.AddEndpointFilter(new MetadataCacheFilter(keyOf));

    /// <summary>
    /// Caches <c>GET /fhir/Patient/{nhsNumber}</c> per NHS number (keyed hash). The patient is recorded for audit
    /// here too, because a hit never reaches the handler: every read is audited, cached or not.
    /// </summary>
    public static RouteHandlerBuilder CachePatientRead(this RouteHandlerBuilder route) =>
        route.WithMetadataCache(static (http, cache) =>
        {
            if (!NhsNumber.TryParse(http.Request.RouteValues["nhsNumber"] as string, out var nhsNumber))
            {
                return null;
            }

            http.AuditPatient(nhsNumber);
            return PatientReadKey(cache, nhsNumber);
        });

    /// <summary>
    /// Caches <c>GET /fhir/DocumentReference?patient:identifier=…</c> (pointer metadata only) per patient, query and
    /// end-user organisation: NRL answers depend on what the organisation is onboarded for, so one organisation's
    /// answer is never served to another.
    /// </summary>
    public static RouteHandlerBuilder CachePointerSearch(this RouteHandlerBuilder route) =>
        route.WithMetadataCache(static (http, cache) =>
        {
            var search = RecordLocation.DocumentReferenceSearchRequest.Parse(http.Request.Query);
            http.AuditPatient(search.Query.NhsNumber);
            var discriminator = string.Join('|',
                http.ToRequestContext().EndUserOrganisationOds ?? "-",
                string.Join(',', search.Query.TypeCodes.Order(StringComparer.Ordinal)),
                string.Join(',', search.Query.CategoryCodes.Order(StringComparer.Ordinal)),
                search.Count,
                search.Page);
            return PointerSearchKey(cache, search.Query.NhsNumber, discriminator);
        });

    /// <summary>A demographics read, stored under the profile of the adapter serving <see cref="IDemographicsSource"/>.</summary>
    public static CacheEntryKey? PatientReadKey(MetadataCache cache, NhsNumber nhsNumber) =>
        cache.Profiles.NameFor<IDemographicsSource>() is { } profile ? cache.Keys.ForPatient(profile, "patient", nhsNumber) : null;

    /// <summary>A pointer search, stored under the profile of the adapter serving <see cref="IRecordLocator"/>.</summary>
    public static CacheEntryKey? PointerSearchKey(MetadataCache cache, NhsNumber nhsNumber, string discriminator) =>
        cache.Profiles.NameFor<IRecordLocator>() is { } profile ? cache.Keys.ForPatient(profile, "pointers", nhsNumber, discriminator) : null;
}
