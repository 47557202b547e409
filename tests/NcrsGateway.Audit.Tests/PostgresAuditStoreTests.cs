using Npgsql;
using NcrsGateway.Audit.Storage;
using NcrsGateway.Storage;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.Audit.Tests;

public sealed class PostgresAuditStoreTests(PostgresFixture postgres) : AuditStoreContract, IClassFixture<PostgresFixture>
{
    private string? _connectionString;

    public override async Task InitializeAsync() => _connectionString = await postgres.Server.CreateDatabaseAsync();

    internal override IAuditStore OpenStore() => new PostgresAuditStore(Own(new PostgresStore(_connectionString!)));

    protected override async Task<string> DumpStorageAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT t::text, encode(patient_cipher, 'escape'), encode(patient_hash, 'escape') FROM {AuditColumns.Table} t", connection);
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

    [Fact]
    public async Task Insert_ServerUnreachable_Throws()
    {
        await using var postgres = new PostgresStore("Host=127.0.0.1;Port=1;Username=postgres;Timeout=2");
        var store = new PostgresAuditStore(postgres);
        var row = new AuditRowMapper(new Crypto.PatientProtector(AuditTestData.Keys)).ToRow(AuditTestData.Record());

        await Assert.ThrowsAnyAsync<Exception>(() => store.InsertAsync([row], CancellationToken.None));
    }
}
