using System.Data.Common;

namespace NcrsGateway.Events.Inbox;

/// <summary>PostgreSQL: uuid ids, timestamptz times, and <c>FOR UPDATE SKIP LOCKED</c> so instances never claim the same row.</summary>
internal sealed class PostgresInboxDialect : InboxDialect
{
    public override IReadOnlyList<string> Schema { get; } =
    [
        $"""
        CREATE TABLE IF NOT EXISTS {InboxTables.Inbox} (
            id uuid NOT NULL PRIMARY KEY,
            source text NOT NULL,
            external_id text NOT NULL,
            type text NOT NULL,
            subject_hash bytea NULL,
            subject_cipher bytea NULL,
            event_time timestamptz NULL,
            version_id bigint NULL,
            received timestamptz NOT NULL,
            status text NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            next_attempt timestamptz NOT NULL,
            lease_owner text NULL,
            lease_until timestamptz NULL,
            last_error text NULL,
            processed timestamptz NULL,
            UNIQUE (source, external_id)
        )
        """,
        $"CREATE INDEX IF NOT EXISTS ix_{InboxTables.Inbox}_due ON {InboxTables.Inbox} (status, next_attempt)",
        $"CREATE INDEX IF NOT EXISTS ix_{InboxTables.Inbox}_subject ON {InboxTables.Inbox} (subject_hash, status)",
        $"CREATE INDEX IF NOT EXISTS ix_{InboxTables.Inbox}_received ON {InboxTables.Inbox} (received)",
        $"""
        CREATE TABLE IF NOT EXISTS {InboxTables.Rejected} (
            id uuid NOT NULL PRIMARY KEY,
            received timestamptz NOT NULL,
            source text NULL,
            external_id text NULL,
            type text NULL,
            position integer NOT NULL,
            format text NOT NULL,
            reason text NOT NULL
        )
        """,
        $"CREATE INDEX IF NOT EXISTS ix_{InboxTables.Rejected}_received ON {InboxTables.Rejected} (received)",
        $"""
        CREATE TABLE IF NOT EXISTS {InboxTables.Patients} (
            subject_hash bytea NOT NULL PRIMARY KEY,
            refreshed timestamptz NOT NULL,
            version_id bigint NULL
        )
        """,
    ];

    public override string ClaimLock => " FOR UPDATE SKIP LOCKED";

    public override System.Data.DbType IdType => System.Data.DbType.Guid;

    public override System.Data.DbType TimeType => System.Data.DbType.DateTimeOffset;

    public override object ToDb(DateTimeOffset time) => time.ToUniversalTime();

    public override object ToDb(Guid id) => id;

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    public override Guid ReadId(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);
}
