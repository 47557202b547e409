using NcrsGateway.Storage;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.Events.Tests.Subscribers;

public sealed class SqliteSubscriberStoreTests : SubscriberStoreContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ncrs-subscribers-" + Guid.NewGuid().ToString("N"));

    protected override Task<RelationalStore> OpenStoreAsync() => Task.FromResult<RelationalStore>(new SqliteStore(_directory, "events.db"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TempFolder.Delete(_directory);
    }
}
