using NcrsGateway.Core.Ports;
using StackExchange.Redis;

namespace NcrsGateway.Caching.Redis;

/// <summary>
/// The support lookup's shared records: a short list per correlation ID (<c>{InstanceName}ops:request:{id}</c>, the last
/// <see cref="PerId"/> records, expiring after the retention) and one capped list of recent slow or failed requests
/// (<c>{InstanceName}ops:recent</c>). Losing either is acceptable: they are diagnostics.
/// </summary>
internal sealed class RedisRequestTraces(RedisConnection redis) : ISharedRequestTraces
{
    private const int PerId = 10;
    private const int RecentKept = 200;

    public bool IsConfigured => redis.IsConfigured;

    public bool IsAvailable => redis.IsAvailable;

    public async Task SaveAsync(string correlationId, byte[] record, TimeSpan retention, bool notable)
    {
        var key = (RedisKey)RequestKey(correlationId);
        await redis.RunAsync(async db =>
        {
            var batch = db.CreateBatch();
            var push = batch.ListRightPushAsync(key, record);
            var trim = batch.ListTrimAsync(key, -PerId, -1);
            var expire = batch.KeyExpireAsync(key, retention);
            Task<long>? recent = null;
            Task? recentTrim = null;
            if (notable)
            {
                recent = batch.ListLeftPushAsync(RecentKey, record);
                recentTrim = batch.ListTrimAsync(RecentKey, 0, RecentKept - 1);
            }

            batch.Execute();
            await Task.WhenAll(push, trim, expire, recent ?? Task.CompletedTask, recentTrim ?? Task.CompletedTask).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<byte[]>> FindAsync(string correlationId)
    {
        var values = await redis.RunAsync(db => db.ListRangeAsync(RequestKey(correlationId))).ConfigureAwait(false);
        return [.. values.Where(v => v.HasValue).Select(v => (byte[])v!)];
    }

    public async Task<IReadOnlyList<byte[]>> RecentAsync(int count)
    {
        var values = await redis.RunAsync(db => db.ListRangeAsync(RecentKey, 0, count - 1)).ConfigureAwait(false);
        return [.. values.Where(v => v.HasValue).Select(v => (byte[])v!)];
    }

    private string RecentKey => redis.Prefix + "ops:recent";

    private string RequestKey(string correlationId) => redis.Prefix + "ops:request:" + correlationId;
}
