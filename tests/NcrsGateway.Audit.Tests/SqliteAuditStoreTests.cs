using NcrsGateway.Audit.Storage;
using NcrsGateway.Storage;

namespace NcrsGateway.Audit.Tests;

public sealed class SqliteAuditStoreTests : AuditStoreContract
{
    internal override IAuditStore OpenStore() => new SqliteAuditStore(Own(new SqliteStore(DataDirectory, SqliteAuditStore.FileName)));

    protected override Task<string> DumpStorageAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(DataDirectory, SqliteAuditStore.FileName + "*");
        Assert.NotEmpty(files);
        return Task.FromResult(string.Concat(files.Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f)))));
    }
}
