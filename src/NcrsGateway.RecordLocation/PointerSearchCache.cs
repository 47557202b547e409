using NcrsGateway.Caching;
using NcrsGateway.Caching.Http;
using NcrsGateway.Core;
using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir;

namespace NcrsGateway.RecordLocation;

/// <summary>The metadata cache in front of <c>GET /fhir/DocumentReference?patient:identifier=…</c> (pointer metadata only).</summary>
internal static class PointerSearchCache
{
    /// <summary>
    /// Caches a pointer search (the bound <see cref="DocumentReferenceSearch"/>) per patient, query and end-user organisation: NRL answers depend on what the organisation
    /// is onboarded for, so one organisation's answer is never served to another.
    /// </summary>
    public static RouteHandlerBuilder CachePointerSearch(this RouteHandlerBuilder route) =>
        route.WithMetadataCache(static (invocation, cache) =>
        {
            if (invocation.Arguments.Count == 0 || invocation.Arguments[0] is not DocumentReferenceSearch search)
            {
                return null;
            }

            var discriminator = string.Join('|',
                invocation.HttpContext.ToRequestContext().EndUserOrganisationOds ?? "-",
                string.Join(',', search.Query.TypeCodes.Order(StringComparer.Ordinal)),
                string.Join(',', search.Query.CategoryCodes.Order(StringComparer.Ordinal)),
                search.Count,
                search.Page);
            return Key(cache, search.Query.NhsNumber, discriminator);
        });

    /// <summary>A pointer search, stored under the profile of the adapter serving <see cref="IRecordLocator"/>.</summary>
    public static CacheEntryKey? Key(MetadataCache cache, NhsNumber nhsNumber, string discriminator) =>
        cache.PatientKey<IRecordLocator>("pointers", nhsNumber, discriminator);
}
