using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NcrsGateway.Caching.Redis;

/// <summary>
/// The one shared Redis connection, or none. Never blocks a request waiting for Redis: commands fail fast
/// while it is disconnected (<see cref="BacklogPolicy.FailFast"/>), callers check <see cref="IsAvailable"/> first,
/// and <see cref="RunAsync{T}"/> gives each command <see cref="RedisOptions.OperationTimeout"/> as a hard deadline.
/// A hung Redis (connected, never answering) is detected by the first command that times out: Redis is then
/// treated as unavailable for <see cref="SuspendFor"/> (so every other request skips it at once) before one
/// command tries it again, and readiness reports Degraded meanwhile.
/// </summary>
public sealed partial class RedisConnection : IDisposable
{
    private readonly ConnectionMultiplexer? _multiplexer;
    private readonly TimeProvider _time;
    private readonly ILogger<RedisConnection> _logger;
    private long _suspendedUntilTicks;

    public RedisConnection(IOptions<RedisOptions> options, TimeProvider time, ILogger<RedisConnection> logger)
    {
        var o = options.Value;
        _time = time;
        _logger = logger;
        OperationTimeout = o.OperationTimeout;
        SuspendFor = o.OperationTimeout * 2 < MinimumSuspension ? MinimumSuspension : o.OperationTimeout * 2;
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
        _multiplexer.ConnectionRestored += (_, _) =>
        {
            Interlocked.Exchange(ref _suspendedUntilTicks, 0);
            LogConnectionRestored(logger);
        };
        if (!_multiplexer.IsConnected)
        {
            LogStartedDisconnected(logger);
        }
    }

    /// <summary>Whether Redis is configured at all (it may still be down).</summary>
    public bool IsConfigured => _multiplexer is not null;

    /// <summary>Configured, connected and not suspended after a timeout.</summary>
    public bool IsAvailable => _multiplexer is { IsConnected: true } && !IsSuspended;

    /// <summary>The longest one command may take (<see cref="RedisOptions.OperationTimeout"/>).</summary>
    public TimeSpan OperationTimeout { get; }

    /// <summary>How long Redis is skipped after a command timed out or failed: twice the operation timeout, at least 1 s.</summary>
    public TimeSpan SuspendFor { get; }

    private static TimeSpan MinimumSuspension => TimeSpan.FromSeconds(1);

    private bool IsSuspended => _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _suspendedUntilTicks);

    /// <summary>Key and channel prefix (<see cref="RedisOptions.InstanceName"/>).</summary>
    public string Prefix { get; }

    /// <summary>The multiplexer; only valid when <see cref="IsConfigured"/>.</summary>
    public IConnectionMultiplexer Multiplexer => _multiplexer ?? throw new InvalidOperationException("Redis is not configured.");

    public IDatabase Database => Multiplexer.GetDatabase();

    /// <summary>
    /// For libraries that name their own keys: <see cref="Multiplexer"/> whose databases put <see cref="Prefix"/> before
    /// every key (<see cref="KeyPrefixedMultiplexer"/>). Only valid when <see cref="IsConfigured"/>.
    /// </summary>
    public IConnectionMultiplexer KeyPrefixedMultiplexer => field ??= Redis.KeyPrefixedMultiplexer.Wrap(Multiplexer, Prefix);

    /// <summary>Whether an exception means "Redis is unavailable" (to be degraded around), not a bug.</summary>
    public static bool IsOutage(Exception e) => e is RedisException or TimeoutException or ObjectDisposedException;

    /// <summary>
    /// Runs one command against the database with <see cref="OperationTimeout"/> as a hard deadline (a real-time
    /// network deadline, like StackExchange.Redis's own). Throws an outage exception (<see cref="IsOutage"/>) at once
    /// when Redis is unavailable, and suspends Redis when the command times out or the connection fails.
    /// </summary>
    public Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command) => GuardAsync(() => command(Database));

    /// <summary>As <see cref="RunAsync{T}"/>, for a command that needs the multiplexer itself (a library, a publish).</summary>
    public async Task<T> GuardAsync<T>(Func<Task<T>> command)
    {
        if (!IsAvailable)
        {
            throw new RedisException("Redis is unavailable (disconnected, or suspended after a timeout).");
        }

        var pending = command();
        try
        {
            return await pending.WaitAsync(OperationTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (IsOutage(e))
        {
            _ = pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            Suspend(e);
            throw;
        }
    }

    /// <summary>Treats Redis as unavailable for <see cref="SuspendFor"/>: the next request does not wait for it again.</summary>
    public void Suspend(Exception cause)
    {
        var until = (_time.GetUtcNow() + SuspendFor).UtcTicks;
        var before = Interlocked.Exchange(ref _suspendedUntilTicks, until);
        if (before < _time.GetUtcNow().UtcTicks)
        {
            LogSuspended(_logger, cause.GetType().Name, SuspendFor.TotalMilliseconds);
        }
    }

    public void Dispose() => _multiplexer?.Dispose();

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Redis connection failed ({FailureType}): running degraded on per-instance cache and rate limits")]
    private static partial void LogConnectionFailed(ILogger logger, string failureType);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Redis connection restored")]
    private static partial void LogConnectionRestored(ILogger logger);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Redis did not answer in time ({ExceptionType}): skipped for {SuspendMilliseconds} ms, running degraded")]
    private static partial void LogSuspended(ILogger logger, string exceptionType, double suspendMilliseconds);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Redis is configured but not reachable at start: running degraded until it is")]
    private static partial void LogStartedDisconnected(ILogger logger);
}
