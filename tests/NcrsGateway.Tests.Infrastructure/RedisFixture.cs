using Xunit;

namespace NcrsGateway.Tests.Infrastructure;

/// <summary>One throwaway redis-server for the class (<c>IClassFixture&lt;RedisFixture&gt;</c>).</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
