using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NcrsGateway.Hosting;

/// <summary>
/// The one shared Redis connection, or none. Never blocks a request waiting for Redis: commands fail fast
/// while it is disconnected (<see cref="BacklogPolicy.FailFast"/>) and callers check <see cref="IsAvailable"/> first.
/// </summary>
internal sealed partial class RedisConnection : IDisposable
{
    private readonly ConnectionMultiplexer? _multiplexer;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        var o = options.Value;
        Prefix = o.InstanceName;
        if (!o.IsConfigured)
        {
            return;
        }

        var config = ConfigurationOptions.Parse(o.Configuration!);
        config.AbortOnConnectFail = false;
        config.BacklogPolicy = BacklogPolicy.FailFast;
        config.ConnectTimeout = (int)o.ConnectTimeout.TotalMilliseconds;
        config.SyncTimeout = (int)o.OperationTimeout.TotalMilliseconds;
        config.AsyncTimeout = (int)o.OperationTimeout.TotalMilliseconds;
        config.ConnectRetry = 1;
        config.ClientName ??= "ncrs-gateway";
        _multiplexer = ConnectionMultiplexer.Connect(config);
        _multiplexer.ConnectionFailed += (_, e) => LogConnectionFailed(logger, e.FailureType.ToString());
        _multiplexer.ConnectionRestored += (_, _) => LogConnectionRestored(logger);
        if (!_multiplexer.IsConnected)
        {
            LogStartedDisconnected(logger);
        }
    }

    /// <summary>Whether Redis is configured at all (it may still be down).</summary>
    public bool IsConfigured => _multiplexer is not null;

    /// <summary>Configured and connected right now.</summary>
    public bool IsAvailable => _multiplexer is { IsConnected: true };

    /// <summary>Key and channel prefix (<see cref="RedisOptions.InstanceName"/>).</summary>
    public string Prefix { get; }

    /// <summary>The multiplexer; only valid when <see cref="IsConfigured"/>.</summary>
    public IConnectionMultiplexer Multiplexer => _multiplexer ?? throw new InvalidOperationException("Redis is not configured.");

    public IDatabase Database => Multiplexer.GetDatabase();

    /// <summary>Whether an exception means "Redis is unavailable" (to be degraded around), not a bug.</summary>
    public static bool IsOutage(Exception e) => e is RedisException or TimeoutException or ObjectDisposedException;

    public void Dispose() => _multiplexer?.Dispose();

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Redis connection failed ({FailureType}): running degraded on per-instance cache and rate limits")]
    private static partial void LogConnectionFailed(ILogger logger, string failureType);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Redis connection restored")]
    private static partial void LogConnectionRestored(ILogger logger);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Redis is configured but not reachable at start: running degraded until it is")]
    private static partial void LogStartedDisconnected(ILogger logger);
}
