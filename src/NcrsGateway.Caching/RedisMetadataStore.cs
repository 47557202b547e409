using System.Buffers;
using NcrsGateway.Caching.Redis;
using StackExchange.Redis;

namespace NcrsGateway.Caching;

/// <summary>
/// The shared (Redis) tier: entries, per-patient tag sets, single-flight locks and the invalidation channel.
/// Every method degrades to "nothing there / nothing done" when Redis is unavailable: the cache never fails a request.
/// </summary>
internal sealed partial class RedisMetadataStore(RedisConnection redis, CachedFhirResponseSerializer serializer, ILogger<RedisMetadataStore> logger)
{
    private const string ReleaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    private static readonly TimeSpan TagLifetime = TimeSpan.FromHours(2); // longer than any entry TTL

    public bool IsConfigured => redis.IsConfigured;

    public bool IsAvailable => redis.IsAvailable;

    public RedisChannel Channel => RedisChannel.Literal(redis.Prefix + "invalidate");

    /// <summary>The Redis key that holds an entry (exposed for tests that check nothing was stored).</summary>
    public string DataKey(string key) => redis.Prefix + "cache:" + key;

    private RedisKey LockKey(string key) => redis.Prefix + "lock:" + key;

    private RedisKey TagKey(string tag) => redis.Prefix + "tag:" + tag;

    public async Task<CachedFhirResponse?> TryGetAsync(string key)
    {
        if (!IsAvailable)
        {
            return null;
        }

        try
        {
            var value = await redis.RunAsync(db => db.StringGetAsync(DataKey(key))).ConfigureAwait(false);
            return value.IsNull ? null : serializer.Deserialize(new ReadOnlySequence<byte>((byte[])value!));
        }
        catch (Exception e) when (RedisConnection.IsOutage(e) || e is InvalidDataException or EndOfStreamException)
        {
            LogDegraded(logger, "read", e.GetType().Name);
            return null;
        }
    }

    public async Task SetAsync(string key, CachedFhirResponse entry, TimeSpan ttl, IEnumerable<string> tags)
    {
        if (!IsAvailable)
        {
            return;
        }

        try
        {
            await redis.RunAsync(async db =>
            {
                var tran = db.CreateTransaction();
                var pending = new List<Task> { tran.StringSetAsync(DataKey(key), serializer.ToBytes(entry), ttl) };
                foreach (var tag in tags)
                {
                    pending.Add(tran.SetAddAsync(TagKey(tag), key));
                    pending.Add(tran.KeyExpireAsync(TagKey(tag), TagLifetime));
                }

                var committed = await tran.ExecuteAsync().ConfigureAwait(false);
                await Task.WhenAll(pending).ConfigureAwait(false);
                return committed;
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            LogDegraded(logger, "write", e.GetType().Name);
        }
    }

    public async Task<LockResult> TryLockAsync(string key, string token, TimeSpan lifetime)
    {
        if (!IsAvailable)
        {
            return LockResult.Unavailable;
        }

        try
        {
            return await redis.RunAsync(db => db.StringSetAsync(LockKey(key), token, lifetime, When.NotExists)).ConfigureAwait(false)
                ? LockResult.Acquired
                : LockResult.HeldElsewhere;
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            LogDegraded(logger, "lock", e.GetType().Name);
            return LockResult.Unavailable;
        }
    }

    public async Task ReleaseAsync(string key, string token)
    {
        if (!IsAvailable)
        {
            return; // the lock expires by itself
        }

        try
        {
            await redis.RunAsync(db => db.ScriptEvaluateAsync(ReleaseScript, [LockKey(key)], [token])).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            LogDegraded(logger, "unlock", e.GetType().Name);
        }
    }

    public async Task RemoveAsync(string key)
    {
        if (!IsAvailable)
        {
            return;
        }

        try
        {
            await redis.RunAsync(db => db.KeyDeleteAsync(DataKey(key))).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            LogDegraded(logger, "remove", e.GetType().Name);
        }
    }

    public async Task RemoveTagAsync(string tag)
    {
        if (!IsAvailable)
        {
            return;
        }

        try
        {
            var members = await redis.RunAsync(db => db.SetMembersAsync(TagKey(tag))).ConfigureAwait(false);
            var keys = members.Select(m => (RedisKey)DataKey(m.ToString())).Append(TagKey(tag)).ToArray();
            await redis.RunAsync(db => db.KeyDeleteAsync(keys)).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            LogDegraded(logger, "remove-tag", e.GetType().Name);
        }
    }

    public async Task PublishAsync(string message)
    {
        if (!IsAvailable)
        {
            return;
        }

        try
        {
            await redis.GuardAsync(() => redis.Multiplexer.GetSubscriber().PublishAsync(Channel, message)).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            LogDegraded(logger, "publish", e.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Shared cache {Operation} skipped, Redis unavailable ({ExceptionType}): using this instance's cache only")]
    private static partial void LogDegraded(ILogger logger, string operation, string exceptionType);
}
