using NcrsGateway.Storage;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.Events.Tests.Subscribers;

public sealed class PostgresSubscriberStoreTests(PostgresFixture postgres) : SubscriberStoreContract, IClassFixture<PostgresFixture>
{
    protected override async Task<RelationalStore> OpenStoreAsync() => new PostgresStore(await postgres.Server.CreateDatabaseAsync());
}
