using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace NcrsGateway.Storage;

/// <summary>
/// A SQLite file in the data directory, private to the gateway's user (folder 0700, file 0600 before SQLite opens it),
/// WAL mode with <c>synchronous=FULL</c> on every connection so a committed row survives a crash.
/// </summary>
public sealed class SqliteStore : RelationalStore
{
    private readonly string _connectionString;

    public SqliteStore(string dataDirectory, string fileName)
    {
        PrivateFiles.CreateDirectory(dataDirectory);
        FilePath = Path.Combine(Path.GetFullPath(dataDirectory), fileName);
        PrivateFiles.EnsureFile(FilePath); // its -wal and -shm files copy the mode
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return base.DisposeAsync();
    }
}
