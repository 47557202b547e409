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

    /// <summary>
    /// Runs each statement in order, in one transaction (each must be idempotent: <c>CREATE ... IF NOT EXISTS</c>). On
    /// PostgreSQL the transaction first takes an advisory lock, so instances starting together create the schema one at a
    /// time: concurrent <c>CREATE TABLE IF NOT EXISTS</c> of the same table can otherwise fail on the catalogue.
    /// </summary>
    public async Task EnsureSchemaAsync(IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var sql in (Provider == StoreProvider.Postgres ? new[] { SchemaLock } : []).Concat(statements))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Held until the schema transaction ends; the key is arbitrary but fixed for the gateway's stores.</summary>
    private const string SchemaLock = "SELECT pg_advisory_xact_lock(7305150015)";

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
