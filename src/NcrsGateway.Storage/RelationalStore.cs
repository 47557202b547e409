using System.Data.Common;

namespace NcrsGateway.Storage;

/// <summary>
/// One relational database a store keeps its tables in: opens connections and runs schema statements. The SQL itself
/// (tables, queries) belongs to each store; <see cref="Provider"/> says which dialect to speak.
/// </summary>
public abstract class RelationalStore : IAsyncDisposable
{
    public abstract StoreProvider Provider { get; }

    /// <summary>An open connection; the caller disposes it.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Runs each statement in order (each must be idempotent: <c>CREATE ... IF NOT EXISTS</c>).</summary>
    public async Task EnsureSchemaAsync(IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Throws unless the database answers a trivial query.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
