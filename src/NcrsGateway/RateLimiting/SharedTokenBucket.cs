using System.Threading.RateLimiting;
using NcrsGateway.Caching.Redis;
using RedisRateLimiting;

namespace NcrsGateway.RateLimiting;

/// <summary>
/// One partition's token bucket: the Redis token bucket (RedisRateLimiting, one Lua script per acquire, shared by
/// every instance) while Redis is up; this instance's in-process token bucket with the same limits while it is
/// not. Redis trouble therefore loosens the limit to per-instance; it never rejects or fails a request.
/// </summary>
internal sealed partial class SharedTokenBucket : RateLimiter
{
    private readonly RedisTokenBucketRateLimiter<string>? _shared;
    private readonly TokenBucketRateLimiter _local;
    private readonly RedisConnection _redis;
    private readonly ILogger _logger;

    public SharedTokenBucket(string partitionKey, TokenBucketLimit limit, RedisConnection redis, ILogger logger)
    {
        _redis = redis;
        _logger = logger;
        _local = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.TokenLimit,
            TokensPerPeriod = limit.TokensPerPeriod,
            ReplenishmentPeriod = limit.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        if (redis.IsConfigured)
        {
            _shared = new RedisTokenBucketRateLimiter<string>("rl:" + partitionKey, new RedisTokenBucketRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis.KeyPrefixedMultiplexer, // the library's keys start with Redis:InstanceName
                TokenLimit = limit.TokenLimit,
                TokensPerPeriod = limit.TokensPerPeriod,
                ReplenishmentPeriod = limit.ReplenishmentPeriod,
            });
        }
    }

    public override TimeSpan? IdleDuration => _local.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    /// <summary>Synchronous attempts never block on Redis: they decline, and the middleware asks again asynchronously.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        UseShared ? NotYet.Instance : _local.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (UseShared)
        {
            try
            {
                return await _redis.GuardAsync(() => _shared!.AcquireAsync(permitCount, cancellationToken).AsTask()).ConfigureAwait(false);
            }
            catch (Exception e) when (RedisConnection.IsOutage(e))
            {
                LogFallback(_logger, e.GetType().Name);
            }
        }

        return await _local.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
    }

    private bool UseShared => _shared is not null && _redis.IsAvailable;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _local.Dispose();
            _shared?.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _local.DisposeAsync().ConfigureAwait(false);
        if (_shared is not null)
        {
            await _shared.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 4400, Level = LogLevel.Warning, Message = "Shared rate limit unavailable ({ExceptionType}): applying this instance's limit")]
    private static partial void LogFallback(ILogger logger, string exceptionType);

    /// <summary>"Not decided synchronously": makes the rate-limiting middleware fall through to the async path.</summary>
    private sealed class NotYet : RateLimitLease
    {
        public static readonly NotYet Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
