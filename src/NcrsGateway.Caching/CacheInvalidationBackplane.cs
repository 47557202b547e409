using NcrsGateway.Caching.Redis;

namespace NcrsGateway.Caching;

/// <summary>
/// Subscribes to the Redis invalidation channel so that a removal on any instance evicts every instance's tier 1
/// (HybridCache removal alone only reaches the local node). After a Redis outage tier 1 is cleared, because
/// invalidations sent meanwhile were lost.
/// </summary>
internal sealed partial class CacheInvalidationBackplane(
    RedisConnection redis, RedisMetadataStore shared, MetadataCache cache, ILogger<CacheInvalidationBackplane> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }

        redis.Multiplexer.ConnectionRestored += (_, _) =>
        {
            _ = cache.EvictAllLocalAsync();
            if (Volatile.Read(ref _subscribed) == 0)
            {
                _ = SubscribeAsync();
            }
        };
        await SubscribeAsync().ConfigureAwait(false);
    }

    private int _subscribed;

    private async Task SubscribeAsync()
    {
        try
        {
            await redis.Multiplexer.GetSubscriber().SubscribeAsync(shared.Channel, (channel, value) =>
            {
                if (CacheInvalidationMessage.Parse(value) is { } message && message.Sender != cache.InstanceId)
                {
                    _ = cache.EvictLocalAsync(message);
                }
            }).ConfigureAwait(false);
            Interlocked.Exchange(ref _subscribed, 1);
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            LogSubscribeFailed(logger, e.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4300, Level = LogLevel.Warning, Message = "Could not subscribe to cache invalidations ({ExceptionType}); will resubscribe when Redis reconnects")]
    private static partial void LogSubscribeFailed(ILogger logger, string exceptionType);
}
