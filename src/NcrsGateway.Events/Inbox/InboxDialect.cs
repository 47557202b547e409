using System.Data.Common;
using NcrsGateway.Storage;

namespace NcrsGateway.Events.Inbox;

/// <summary>
/// What differs between SQLite and PostgreSQL for the inbox: the DDL, how ids and times are stored, and how a
/// worker claims rows (PostgreSQL skips rows another instance has locked; SQLite's single writer makes the
/// claiming update atomic on its own).
/// </summary>
internal abstract class InboxDialect
{
    public static InboxDialect For(StoreProvider provider) => provider == StoreProvider.Postgres ? new PostgresInboxDialect() : new SqliteInboxDialect();

    public abstract IReadOnlyList<string> Schema { get; }

    /// <summary>Appended to the sub-select that picks rows to claim.</summary>
    public abstract string ClaimLock { get; }

    public abstract object ToDb(DateTimeOffset time);

    public abstract object ToDb(Guid id);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public abstract Guid ReadId(DbDataReader reader, int ordinal);

    public abstract System.Data.DbType IdType { get; }

    public abstract System.Data.DbType TimeType { get; }
}
