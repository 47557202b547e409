using NcrsGateway.Audit.Storage;
using NcrsGateway.Core.Audit;
using static NcrsGateway.Audit.Tests.AuditTestData;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.Audit.Tests;

public sealed class AuditTrailTests
{
    [Fact]
    public async Task RecordCommitted_StoreUnavailable_Throws()
    {
        using var folder = TempFolder.Create("ncrs-audit-test-");
        var directory = folder.Path;
        var store = new UnavailableStore();
        await using var trail = Trail(store, directory);
        await trail.StartAsync(CancellationToken.None);

        store.Down = true;

        await Assert.ThrowsAsync<IOException>(() => trail.RecordAsync(Record(), AuditDurability.Committed, CancellationToken.None));
    }

    [Fact]
    public async Task RecordWriteAhead_StoreUnavailable_IsStillAcknowledgedFromTheJournal()
    {
        using var folder = TempFolder.Create("ncrs-audit-test-");
        var directory = folder.Path;
        var store = new UnavailableStore();
        await using var trail = Trail(store, directory);
        await trail.StartAsync(CancellationToken.None);
        store.Down = true;

        await trail.RecordAsync(Record(), AuditDurability.WriteAhead, CancellationToken.None);

        Assert.NotEmpty(Directory.GetFiles(directory, Journal.AuditJournal.FilePrefix + "*"));
    }

    internal sealed class UnavailableStore : IAuditStore
    {
        public bool Down { get; set; }

        public Task EnsureSchemaAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> InsertAsync(IReadOnlyList<AuditRow> rows, CancellationToken cancellationToken) =>
            Down ? Task.FromException<int>(new IOException("store down")) : Task.FromResult(rows.Count);

        public Task PingAsync(CancellationToken cancellationToken) =>
            Down ? Task.FromException(new IOException("store down")) : Task.CompletedTask;

        public Task<IReadOnlyList<AuditRow>> SearchAsync(AuditRowQuery query, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AuditRow>>([]);

        public Task<int> CountAsync(AuditRowQuery query, CancellationToken cancellationToken) => Task.FromResult(0);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
