using System.Globalization;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Ports;
using StackExchange.Redis;

namespace NcrsGateway.Caching.Redis;

/// <summary>
/// The upstream request budgets shared by every instance: one token bucket per upstream in Redis
/// (<c>{InstanceName}budget:{name}</c>, a hash of tokens and the last refill time, kept only as long as a refill takes),
/// taken and refilled by one Lua script on Redis's own clock, and a pause key (<c>…:pause</c>, expiring with the
/// upstream's Retry-After). Nothing here may not be lost: a bucket that disappears starts full, a lost pause ends early.
/// </summary>
internal sealed class RedisRequestBudget(RedisConnection redis) : ISharedRequestBudget
{
    private const string TakeScript = """
        local pause = redis.call('PTTL', KEYS[2])
        if pause > 0 then return pause end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local rate = tonumber(ARGV[1]) / 1000
        local burst = tonumber(ARGV[2])
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1])
        local at = tonumber(state[2])
        if tokens == nil or at == nil then
          tokens = burst
          at = now
        end
        tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
        local wait = 0
        if tokens >= 1 then
          tokens = tokens - 1
        else
          wait = math.ceil((1 - tokens) / rate)
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return wait
        """;

    private const string PauseScript = """
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
          redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
        end
        return 1
        """;

    public bool IsAvailable => redis.IsAvailable;

    public async Task<TimeSpan> TryTakeAsync(string bucket, RequestBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var key = Key(bucket);
        var refillMs = (long)Math.Ceiling(budget.Burst / budget.RequestsPerSecond * 1000) + 1000;
        var waitMs = (long)await redis.RunAsync(db => db.ScriptEvaluateAsync(
            TakeScript,
            [(RedisKey)key, (RedisKey)(key + ":pause")],
            [budget.RequestsPerSecond.ToString(CultureInfo.InvariantCulture), budget.Burst, refillMs])).ConfigureAwait(false);
        return TimeSpan.FromMilliseconds(waitMs);
    }

    public Task PauseAsync(string bucket, TimeSpan pause) =>
        redis.RunAsync(db => db.ScriptEvaluateAsync(PauseScript, [(RedisKey)(Key(bucket) + ":pause")], [(long)Math.Ceiling(pause.TotalMilliseconds)]));

    private string Key(string bucket) => redis.Prefix + "budget:" + bucket;
}
