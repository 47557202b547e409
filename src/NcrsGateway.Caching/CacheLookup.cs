namespace NcrsGateway.Caching;

/// <summary>A cache answer: the entry, and whether it was a hit, a miss or a forced refresh.</summary>
public sealed record CacheLookup(CachedFhirResponse Entry, CacheStatus Status);
