namespace NcrsGateway.Caching.Http;

/// <summary>Puts the metadata cache in front of endpoints (the cache itself: <see cref="MetadataCacheServiceCollectionExtensions.AddMetadataCache"/>).</summary>
public static class MetadataCacheExtensions
{
    /// <summary>Caches this endpoint's answers under the key <paramref name="keyOf"/> gives (null: not cached). Features name their keys.</summary>
    public static RouteHandlerBuilder WithMetadataCache(this RouteHandlerBuilder route, Func<HttpContext, MetadataCache, CacheEntryKey?> keyOf) =>
        route.AddEndpointFilter(new MetadataCacheFilter(keyOf));
}
