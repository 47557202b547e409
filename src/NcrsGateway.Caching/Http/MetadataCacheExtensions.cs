namespace NcrsGateway.Caching.Http;

/// <summary>Puts the metadata cache in front of endpoints (the cache itself: <see cref="MetadataCacheServiceCollectionExtensions.AddMetadataCache"/>).</summary>
public static class MetadataCacheExtensions
{
    /// <summary>
    /// Caches this endpoint's answers under the key <paramref name="keyOf"/> gives (null: not cached). Features name their
    /// keys from the endpoint's bound arguments (<see cref="EndpointFilterInvocationContext.Arguments"/>), parsed once.
    /// <paramref name="servedFromEntry"/>, when given, runs for each request answered from a stored entry without its
    /// own handler (a hit, or a waiter given another caller's fetch): for what the handler would have recorded, such
    /// as the patients the entry names for the audit row.
    /// </summary>
    public static RouteHandlerBuilder WithMetadataCache(
        this RouteHandlerBuilder route,
        Func<EndpointFilterInvocationContext, MetadataCache, CacheEntryKey?> keyOf,
        Action<HttpContext, CachedFhirResponse>? servedFromEntry = null) =>
        route.AddEndpointFilterFactory((factory, next) =>
        {
            var filter = new MetadataCacheFilter(keyOf, factory.ApplicationServices, servedFromEntry);
            return invocation => filter.InvokeAsync(invocation, next);
        });
}
