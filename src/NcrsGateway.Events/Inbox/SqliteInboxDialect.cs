using System.Data.Common;
using System.Globalization;

namespace NcrsGateway.Events.Inbox;

/// <summary>SQLite: ids as lower-case text, times as microseconds since the Unix epoch (UTC).</summary>
internal sealed class SqliteInboxDialect : InboxDialect
{
    public override IReadOnlyList<string> Schema { get; } =
    [
        $"""
        CREATE TABLE IF NOT EXISTS {InboxTables.Inbox} (
            id TEXT NOT NULL PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            type TEXT NOT NULL,
            subject_hash BLOB NULL,
            subject_cipher BLOB NULL,
            event_time INTEGER NULL,
            version_id INTEGER NULL,
            received INTEGER NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt INTEGER NOT NULL,
            lease_owner TEXT NULL,
            lease_until INTEGER NULL,
            last_error TEXT NULL,
            processed INTEGER NULL,
            UNIQUE (source, external_id)
        )
        """,
        $"CREATE INDEX IF NOT EXISTS ix_{InboxTables.Inbox}_due ON {InboxTables.Inbox} (status, next_attempt)",
        $"CREATE INDEX IF NOT EXISTS ix_{InboxTables.Inbox}_subject ON {InboxTables.Inbox} (subject_hash, status)",
        $"CREATE INDEX IF NOT EXISTS ix_{InboxTables.Inbox}_received ON {InboxTables.Inbox} (received)",
        $"""
        CREATE TABLE IF NOT EXISTS {InboxTables.Rejected} (
            id TEXT NOT NULL PRIMARY KEY,
            received INTEGER NOT NULL,
            source TEXT NULL,
            external_id TEXT NULL,
            type TEXT NULL,
            position INTEGER NOT NULL,
            format TEXT NOT NULL,
            reason TEXT NOT NULL
        )
        """,
        $"CREATE INDEX IF NOT EXISTS ix_{InboxTables.Rejected}_received ON {InboxTables.Rejected} (received)",
        $"""
        CREATE TABLE IF NOT EXISTS {InboxTables.Patients} (
            subject_hash BLOB NOT NULL PRIMARY KEY,
            refreshed INTEGER NOT NULL,
            version_id INTEGER NULL
        )
        """,
    ];

    public override string ClaimLock => string.Empty;

    public override System.Data.DbType IdType => System.Data.DbType.String;

    public override System.Data.DbType TimeType => System.Data.DbType.Int64;

    public override object ToDb(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public override object ToDb(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(ordinal) * 10);

    public override Guid ReadId(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);
}
