using Microsoft.Data.Sqlite;
using NcrsGateway.Storage;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.Events.Tests.Inbox;

public sealed class SqliteEventInboxTests : EventInboxContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ncrs-events-" + Guid.NewGuid().ToString("N"));
    private SqliteStore? _sqlite;

    protected override Task<RelationalStore> OpenStoreAsync()
    {
        _sqlite = new SqliteStore(_directory, "events.db");
        return Task.FromResult<RelationalStore>(_sqlite);
    }

    protected override async Task<string> DumpAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_sqlite!.FilePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM event_inbox";
        await using var reader = await command.ExecuteReaderAsync();
        var text = new System.Text.StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.IsDBNull(i) ? string.Empty : reader.GetValue(i) is byte[] b ? System.Text.Encoding.Latin1.GetString(b) : reader.GetValue(i).ToString()).Append('\n');
            }
        }

        return text.ToString();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TempFolder.Delete(_directory);
    }
}
