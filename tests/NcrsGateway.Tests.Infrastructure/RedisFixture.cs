namespace NcrsGateway.Tests.Infrastructure;

/// <summary>One throwaway redis-server for the class.</summary>
public sealed class RedisFixture : ServerFixture<RedisServer>
{
    protected override Task<RedisServer> StartAsync() => RedisServer.StartAsync();
}
