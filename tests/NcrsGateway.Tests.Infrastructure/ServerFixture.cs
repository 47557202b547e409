using Xunit;

namespace NcrsGateway.Tests.Infrastructure;

/// <summary>One throwaway server process for a test class (<c>IClassFixture&lt;RedisFixture&gt;</c>), stopped with it.</summary>
public abstract class ServerFixture<TServer> : IAsyncLifetime
    where TServer : class, IAsyncDisposable
{
    private TServer? _server;

    public TServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected abstract Task<TServer> StartAsync();
}
