namespace NcrsGateway.Audit.Storage;

/// <summary>The relational store behind the audit trail (SQLite or PostgreSQL).</summary>
internal interface IAuditStore : IAsyncDisposable
{
    /// <summary>Creates the table and indexes if missing. Idempotent.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts rows in one transaction; a row whose id is already stored is skipped. Throws if not committed.
    /// Returns how many rows were not stored before (a replayed row already stored does not count).
    /// </summary>
    Task<int> InsertAsync(IReadOnlyList<AuditRow> rows, CancellationToken cancellationToken);

    /// <summary>Opens a connection and runs a trivial statement; throws when the store cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>Up to <see cref="AuditRowQuery.Limit"/> rows, newest first (recorded desc, id desc).</summary>
    Task<IReadOnlyList<AuditRow>> SearchAsync(AuditRowQuery query, CancellationToken cancellationToken);

    /// <summary>How many rows match the query's filters (its limit and cursor aside).</summary>
    Task<int> CountAsync(AuditRowQuery query, CancellationToken cancellationToken);
}
