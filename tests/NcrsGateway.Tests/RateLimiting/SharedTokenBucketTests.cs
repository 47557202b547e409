using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NcrsGateway.Caching.Redis;
using NcrsGateway.RateLimiting;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.Tests.RateLimiting;

public sealed class SharedTokenBucketTests(RedisFixture redis) : IClassFixture<RedisFixture>, IDisposable
{
    private static readonly TokenBucketLimit OnePerHour = new() { TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromHours(1) };
    private readonly FakeTimeProvider _time = new();
    private readonly List<IDisposable> _owned = [];
    private readonly string _partition = "test-" + Guid.NewGuid().ToString("N");

    [Fact]
    public void AttemptAcquire_WithoutRedis_AppliesThisInstancesLimit()
    {
        using var bucket = Bucket(Connection(configured: false), new TokenBucketLimit { TokenLimit = 2, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromHours(1) });

        Assert.True(bucket.AttemptAcquire().IsAcquired);
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        Assert.False(bucket.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_TwoInstancesOnOneRedis_ShareOneBucket()
    {
        using var first = Bucket(Connection(configured: true), OnePerHour);
        using var second = Bucket(Connection(configured: true), OnePerHour);

        Assert.True((await first.AcquireAsync()).IsAcquired);
        Assert.False((await second.AcquireAsync()).IsAcquired);
    }

    [Fact]
    public async Task AttemptAcquire_WithRedisUp_NeverDecidesSynchronously()
    {
        using var bucket = Bucket(Connection(configured: true), OnePerHour);

        Assert.False(bucket.AttemptAcquire().IsAcquired);
        Assert.True((await bucket.AcquireAsync()).IsAcquired); // the synchronous attempt took no token
    }

    [Fact]
    public async Task AcquireAsync_RedisSuspended_FallsBackToThisInstancesBucketUntilTheSuspensionEnds()
    {
        var mine = Connection(configured: true);
        using var other = Bucket(Connection(configured: true), OnePerHour);
        using var bucket = Bucket(mine, OnePerHour);
        Assert.True((await other.AcquireAsync()).IsAcquired); // the shared token is gone

        mine.Suspend(new TimeoutException("test: Redis did not answer"));
        var whileSuspended = await bucket.AcquireAsync();
        _time.Advance(mine.SuspendFor);
        var afterwards = await bucket.AcquireAsync();

        Assert.True(whileSuspended.IsAcquired);
        Assert.False(afterwards.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_RedisKilled_StillAnswersFromThisInstancesBucket()
    {
        await using var own = await RedisServer.StartAsync();
        var connection = Own(new RedisConnection(
            Options.Create(new RedisOptions { Configuration = own.Configuration, OperationTimeout = TimeSpan.FromMilliseconds(500) }),
            _time, NullLogger<RedisConnection>.Instance));
        using var bucket = Bucket(connection, OnePerHour);

        own.Kill();
        var first = await bucket.AcquireAsync();
        var second = await bucket.AcquireAsync();

        Assert.True(first.IsAcquired);
        Assert.False(second.IsAcquired);
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private SharedTokenBucket Bucket(RedisConnection connection, TokenBucketLimit limit) =>
        new(_partition, limit, connection, NullLogger.Instance);

    private RedisConnection Connection(bool configured) => Own(new RedisConnection(
        Options.Create(new RedisOptions { Configuration = configured ? redis.Server.Configuration : null }),
        _time, NullLogger<RedisConnection>.Instance));

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
