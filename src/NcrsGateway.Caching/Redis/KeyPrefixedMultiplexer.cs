using System.Reflection;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace NcrsGateway.Caching.Redis;

/// <summary>
/// The shared multiplexer as seen by a library that names its own keys (RedisRateLimiting's <c>rl:tb:{…}</c>): every
/// database it gets prefixes each key with <see cref="RedisOptions.InstanceName"/>, Lua script keys included, so two
/// deployments on one Redis never share a key. Disposing it does nothing: <see cref="RedisConnection"/> owns the connection.
/// </summary>
/// <remarks>Not sealed: <see cref="DispatchProxy"/> derives the proxy type from it.</remarks>
public class KeyPrefixedMultiplexer : DispatchProxy
{
    private IConnectionMultiplexer _inner = null!;
    private RedisKey _prefix;

    public static IConnectionMultiplexer Wrap(IConnectionMultiplexer inner, string prefix)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var proxy = Create<IConnectionMultiplexer, KeyPrefixedMultiplexer>();
        var self = (KeyPrefixedMultiplexer)(object)proxy;
        self._inner = inner;
        self._prefix = prefix;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        switch (targetMethod.Name)
        {
            case nameof(IDisposable.Dispose) or nameof(IConnectionMultiplexer.Close):
                return null;
            case nameof(IAsyncDisposable.DisposeAsync):
                return ValueTask.CompletedTask;
            case nameof(IConnectionMultiplexer.CloseAsync):
                return Task.CompletedTask;
        }

        object? result;
        try
        {
            result = targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        return targetMethod.Name == nameof(IConnectionMultiplexer.GetDatabase) && result is IDatabase database
            ? database.WithKeyPrefix(_prefix)
            : result;
    }
}
