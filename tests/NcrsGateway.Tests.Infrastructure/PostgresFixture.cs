namespace NcrsGateway.Tests.Infrastructure;

/// <summary>One throwaway PostgreSQL server for the class; each test gets its own database.</summary>
public sealed class PostgresFixture : ServerFixture<PostgresServer>
{
    protected override Task<PostgresServer> StartAsync() => PostgresServer.StartAsync();
}
