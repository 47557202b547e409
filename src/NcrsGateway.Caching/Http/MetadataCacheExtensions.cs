namespace NcrsGateway.Caching.Http;

/// <summary>Puts the metadata cache in front of endpoints (the cache itself: <see cref="MetadataCacheServiceCollectionExtensions.AddMetadataCache"/>).</summary>
public static class MetadataCacheExtensions
{
    /// <summary>
    /// Caches this endpoint's answers under the key <paramref name="keyOf"/> gives (null: not cached). Features name their
    /// keys from the endpoint's bound arguments (<see cref="EndpointFilterInvocationContext.Arguments"/>), parsed once.
    /// </summary>
    public static RouteHandlerBuilder WithMetadataCache(this RouteHandlerBuilder route, Func<EndpointFilterInvocationContext, MetadataCache, CacheEntryKey?> keyOf) =>
        route.AddEndpointFilterFactory((factory, next) =>
        {
            var filter = new MetadataCacheFilter(keyOf, factory.ApplicationServices);
            return invocation => filter.InvokeAsync(invocation, next);
        });
}
