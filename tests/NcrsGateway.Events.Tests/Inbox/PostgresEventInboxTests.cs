using Npgsql;
using NcrsGateway.Storage;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.Events.Tests.Inbox;

public sealed class PostgresEventInboxTests(PostgresFixture postgres) : EventInboxContract, IClassFixture<PostgresFixture>
{
    private string? _connectionString;

    protected override async Task<RelationalStore> OpenStoreAsync()
    {
        _connectionString ??= await postgres.Server.CreateDatabaseAsync();
        return new PostgresStore(_connectionString);
    }

    protected override async Task<string> DumpAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT t::text, encode(subject_hash, 'escape'), encode(subject_cipher, 'escape') FROM event_inbox t", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var text = new System.Text.StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.IsDBNull(i) ? string.Empty : reader.GetString(i)).Append('\n');
            }
        }

        return text.ToString();
    }
}
