namespace NcrsGateway.Caching;

/// <summary>
/// Where an entry lives: its cache key, the name of the <see cref="Core.Adapters.CacheProfile"/> it is stored under (its
/// lifetime and allowed resource types) and its tags (a keyed hash of each patient it is about); key and tags are free
/// of raw NHS numbers. Built by <see cref="CacheKeys"/>.
/// </summary>
public sealed record CacheEntryKey(string Key, string Profile, IReadOnlyList<string> Tags);
