using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using NcrsGateway.Core;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Caching;

/// <summary>
/// Metadata-only cache in two tiers. Tier 1 is this instance's <see cref="HybridCache"/> (memory, per-instance
/// stampede protection, patient tags). Tier 2 is the shared Redis when configured: a tier-1 miss reads it, and a
/// miss there takes a Redis lock so that only one instance fetches upstream while the others wait for its result
/// (single-flight across instances). Invalidations are published so every instance evicts its tier 1.
/// Redis trouble never fails a request: the cache carries on per instance.
/// </summary>
public sealed partial class MetadataCache : IMetadataCacheInvalidator
{
    private readonly HybridCache local;
    private readonly RedisMetadataStore shared;
    private readonly CacheKeys keys;
    private readonly CacheProfiles profiles;
    private readonly IOptionsMonitor<CacheOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<MetadataCache> logger;

    internal MetadataCache(
        HybridCache local,
        RedisMetadataStore shared,
        CacheKeys keys,
        CacheProfiles profiles,
        IOptionsMonitor<CacheOptions> options,
        TimeProvider time,
        ILogger<MetadataCache> logger)
    {
        this.local = local;
        this.shared = shared;
        this.keys = keys;
        this.profiles = profiles;
        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>On every tier-1 entry, so all of them can be evicted at once.</summary>
    private const string AllEntriesTag = "gw:all";

    /// <summary>How many shared fetches one caller joins when the ones it joined end cancelled by their starters.</summary>
    private const int MaxJoinAttempts = 3;

    /// <summary>Identifies this instance on the invalidation channel, so it skips its own messages.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public bool Enabled => options.CurrentValue.Enabled;

    internal CacheKeys Keys => keys;

    /// <summary>The profiles entries are stored under (from the adapters' descriptors and registered profiles).</summary>
    internal CacheProfiles Profiles => profiles;

    /// <summary>
    /// The key for one patient's entry of the kind <paramref name="scope"/>, stored under the cache profile of the
    /// adapter serving <typeparamref name="TPort"/>; null when no such profile exists (nothing is cached).
    /// </summary>
    public CacheEntryKey? PatientKey<TPort>(string scope, NhsNumber nhsNumber, string? discriminator = null) =>
        profiles.NameFor<TPort>() is { } profile ? keys.ForPatient(profile, scope, nhsNumber, discriminator) : null;

    /// <summary>The lifetime of an entry stored under <paramref name="profile"/>; refuses an unknown or never-cached profile.</summary>
    internal TimeSpan TtlFor(string profile) => profiles.Require(profile).TimeToLive;

    /// <summary>
    /// The entry for <paramref name="key"/>: from cache when fresh, otherwise fetched once (across instances) and
    /// stored. <paramref name="refresh"/> (the caller's <c>Cache-Control: no-cache</c>) skips the read and overwrites.
    /// </summary>
    public async Task<CacheLookup> GetOrFetchAsync(CacheEntryKey key, bool refresh, Func<CancellationToken, Task<FhirPayload>> fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        return await TryGetOrFetchAsync(key, refresh, async ct => await fetch(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            ?? throw new NotCacheableException("the fetched answer is not cacheable");
    }

    /// <summary>
    /// As <see cref="GetOrFetchAsync"/>, but <paramref name="fetch"/> may answer null (its result must not be cached: an
    /// error, a foreign location). Then nothing is stored and null is returned, to the caller that fetched and to every
    /// caller that waited on the same key (each of those runs its own fetch, never receiving another caller's answer).
    /// </summary>
    public async Task<CacheLookup?> TryGetOrFetchAsync(CacheEntryKey key, bool refresh, Func<CancellationToken, Task<FhirPayload?>> fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fetch);
        var ttl = TtlFor(key.Profile); // an unknown or never-cached profile is refused before anything is fetched
        if (refresh)
        {
            return await FetchAndStoreAsync(key, fetch, CacheStatus.Refresh, cancellationToken).ConfigureAwait(false);
        }

        var load = new Load(this, key, fetch, ttl);
        var entry = await JoinAsync(load, cancellationToken).ConfigureAwait(false);
        if (entry.IsNotCacheable)
        {
            await local.RemoveAsync(key.Key, cancellationToken).ConfigureAwait(false); // the marker is never served
            return load.FetchedUpstream ? null : await FetchAndStoreAsync(key, fetch, CacheStatus.Miss, cancellationToken).ConfigureAwait(false);
        }

        if (entry.AgeAt(time.GetUtcNow()) >= ttl)
        {
            // A tier-1 entry filled from an older shared entry can outlive the TTL: never serve it past it.
            return await FetchAndStoreAsync(key, fetch, CacheStatus.Miss, cancellationToken).ConfigureAwait(false);
        }

        return new CacheLookup(entry, load.FetchedUpstream ? CacheStatus.Miss : CacheStatus.Hit);
    }

    private async Task<CacheLookup?> FetchAndStoreAsync(CacheEntryKey key, Func<CancellationToken, Task<FhirPayload?>> fetch, CacheStatus status, CancellationToken cancellationToken) =>
        await fetch(cancellationToken).ConfigureAwait(false) is { } payload
            ? new CacheLookup(await StoreAsync(key, payload, cancellationToken).ConfigureAwait(false), status)
            : null;

    /// <summary>
    /// Tier 1's single flight: the first caller's fetch serves everyone waiting on the key, and HybridCache cancels it
    /// only when the last of them gives up. Should the fetch end cancelled while this caller still waits (the caller
    /// that started it left before it could run), this caller starts or joins a new one: a caller never receives
    /// another caller's cancellation.
    /// </summary>
    private async Task<CachedFhirResponse> JoinAsync(Load load, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await local.GetOrCreateAsync(load.Key.Key, load, static (l, ct) => new ValueTask<CachedFhirResponse>(l.Owner.LoadAsync(l, ct)), EntryOptions(load.Ttl), LocalTags(load.Key), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                LogSharedFetchCancelled(logger, attempt);
                if (attempt >= MaxJoinAttempts)
                {
                    throw new Core.Errors.GatewayException(Core.Errors.GatewayErrors.UpstreamUnavailable, inner: e);
                }
            }
        }
    }

    /// <summary>
    /// The one write path: checks the payload is metadata its profile allows (<see cref="CacheAdmission"/>) before anything
    /// is stored in either tier, then stores it and tells the other instances to drop their copy.
    /// </summary>
    internal async Task<CachedFhirResponse> StoreAsync(CacheEntryKey key, FhirPayload payload, CancellationToken cancellationToken)
    {
        var entry = Admit(key, payload);
        var ttl = TtlFor(key.Profile);
        await local.SetAsync(key.Key, entry, EntryOptions(ttl), LocalTags(key), cancellationToken).ConfigureAwait(false);
        await shared.SetAsync(key.Key, entry, ttl, key.Tags).ConfigureAwait(false);
        await shared.PublishAsync(CacheInvalidationMessage.ForKey(InstanceId, key.Key)).ConfigureAwait(false);
        return entry;
    }

    /// <summary>What this instance's tier 1 holds for a key (tests and diagnostics; never fetches).</summary>
    internal async Task<CachedFhirResponse?> PeekLocalAsync(string key) =>
        await local.GetOrCreateAsync<CachedFhirResponse?>(
            key,
            static _ => ValueTask.FromResult<CachedFhirResponse?>(null),
            new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCache }).ConfigureAwait(false);

    public async Task InvalidatePatientAsync(NhsNumber nhsNumber, CancellationToken cancellationToken)
    {
        var tag = keys.PatientTag(nhsNumber);
        await local.RemoveByTagAsync(tag, cancellationToken).ConfigureAwait(false);
        await shared.RemoveTagAsync(tag).ConfigureAwait(false);
        await shared.PublishAsync(CacheInvalidationMessage.ForTag(InstanceId, tag)).ConfigureAwait(false);
        LogInvalidated(logger, "patient");
    }

    public async Task InvalidateKeyAsync(string key, CancellationToken cancellationToken)
    {
        await local.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        await shared.RemoveAsync(key).ConfigureAwait(false);
        await shared.PublishAsync(CacheInvalidationMessage.ForKey(InstanceId, key)).ConfigureAwait(false);
        LogInvalidated(logger, "key");
    }

    /// <summary>Another instance invalidated something: drop this instance's tier-1 copy (tier 2 is already done).</summary>
    internal async Task EvictLocalAsync(CacheInvalidationMessage message)
    {
        if (message.IsTag)
        {
            await local.RemoveByTagAsync(message.Value).ConfigureAwait(false);
        }
        else
        {
            await local.RemoveAsync(message.Value).ConfigureAwait(false);
        }
    }

    /// <summary>After a Redis outage invalidations may have been missed: start tier 1 afresh.</summary>
    internal async Task EvictAllLocalAsync() => await local.RemoveByTagAsync(AllEntriesTag).ConfigureAwait(false);

    private static string[] LocalTags(CacheEntryKey key) => [.. key.Tags, AllEntriesTag];

    /// <summary>One options object per lifetime (there are a handful of profiles), not one per request.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<TimeSpan, HybridCacheEntryOptions> EntryOptionsByTtl = new();

    private static HybridCacheEntryOptions EntryOptions(TimeSpan ttl) => EntryOptionsByTtl.GetOrAdd(ttl, static t => new()
    {
        Expiration = t,
        LocalCacheExpiration = t,
        Flags = HybridCacheEntryFlags.DisableDistributedCache, // tier 2 is ours: it needs locks and tag sets
    });

    private CachedFhirResponse Admit(CacheEntryKey key, FhirPayload payload)
    {
        ArgumentNullException.ThrowIfNull(key);
        CacheAdmission.EnsureMetadataOnly(profiles.Require(key.Profile), payload.Body.Span, payload.ContentType, payload.MetadataResourceType);
        return CachedFhirResponse.FromAdmitted(key.Profile, payload);
    }

    private async Task<CachedFhirResponse> LoadAsync(Load load, CancellationToken cancellationToken)
    {
        if (!shared.IsAvailable)
        {
            return await FetchUpstreamAsync(load, cancellationToken).ConfigureAwait(false);
        }

        if (await shared.TryGetAsync(load.Key.Key).ConfigureAwait(false) is { } found && found.AgeAt(time.GetUtcNow()) < load.Ttl)
        {
            return found;
        }

        var o = options.CurrentValue;
        var token = Guid.NewGuid().ToString("N");
        var deadline = time.GetUtcNow() + o.SingleFlightTimeout;
        while (true)
        {
            switch (await shared.TryLockAsync(load.Key.Key, token, o.SingleFlightTimeout).ConfigureAwait(false))
            {
                case LockResult.Acquired:
                    try
                    {
                        return await FetchUpstreamAsync(load, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        await shared.ReleaseAsync(load.Key.Key, token).ConfigureAwait(false);
                    }

                case LockResult.Unavailable:
                    return await FetchUpstreamAsync(load, cancellationToken).ConfigureAwait(false);
            }

            if (time.GetUtcNow() >= deadline)
            {
                LogSingleFlightTimedOut(logger);
                return await FetchUpstreamAsync(load, cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(o.SingleFlightPollInterval, time, cancellationToken).ConfigureAwait(false);
            if (await shared.TryGetAsync(load.Key.Key).ConfigureAwait(false) is { } filled && filled.AgeAt(time.GetUtcNow()) < load.Ttl)
            {
                return filled;
            }
        }
    }

    private async Task<CachedFhirResponse> FetchUpstreamAsync(Load load, CancellationToken cancellationToken)
    {
        var payload = await load.Fetch(cancellationToken).ConfigureAwait(false);
        load.FetchedUpstream = true;
        if (payload is null)
        {
            return CachedFhirResponse.NotCacheable; // tier 1 holds the marker only until the caller removes it
        }

        var entry = Admit(load.Key, payload);
        await shared.SetAsync(load.Key.Key, entry, load.Ttl, load.Key.Tags).ConfigureAwait(false);
        return entry;
    }

    private sealed class Load(MetadataCache owner, CacheEntryKey key, Func<CancellationToken, Task<FhirPayload?>> fetch, TimeSpan ttl)
    {
        public MetadataCache Owner => owner;

        public CacheEntryKey Key => key;

        public Func<CancellationToken, Task<FhirPayload?>> Fetch => fetch;

        public TimeSpan Ttl => ttl;

        public bool FetchedUpstream { get; set; }
    }
}
