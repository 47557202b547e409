namespace NcrsGateway.Caching;

/// <summary>
/// Where an entry lives: its cache key and its tags (a keyed hash of each patient it is about), both free of
/// raw NHS numbers. Built by <see cref="CacheKeys"/>.
/// </summary>
internal sealed record CacheEntryKey(string Key, CacheableKind Kind, IReadOnlyList<string> Tags);
