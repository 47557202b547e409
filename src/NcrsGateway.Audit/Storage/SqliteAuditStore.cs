using System.Data.Common;
using System.Globalization;
using NcrsGateway.Storage;

namespace NcrsGateway.Audit.Storage;

/// <summary>
/// The default store: <c>audit.db</c> in the data directory (a <see cref="SqliteStore"/>: private file, WAL,
/// <c>synchronous=FULL</c>). Times are microseconds since the Unix epoch (UTC); ids lower-case text.
/// </summary>
internal sealed class SqliteAuditStore(RelationalStore store) : RelationalAuditStore(store, StoreProvider.Sqlite)
{
    public const string FileName = "audit.db";

    protected override IReadOnlyList<string> SchemaStatements { get; } =
    [
        $"""
        CREATE TABLE IF NOT EXISTS {AuditColumns.Table} (
            id TEXT NOT NULL PRIMARY KEY,
            recorded INTEGER NOT NULL,
            action TEXT NOT NULL,
            outcome TEXT NOT NULL,
            failure_category TEXT NULL,
            failure_code TEXT NULL,
            user_id TEXT NULL,
            user_role TEXT NULL,
            organisation_ods TEXT NULL,
            workstation_id TEXT NULL,
            client_app TEXT NULL,
            origin_feature TEXT NULL,
            encounter_id TEXT NULL,
            patient_cipher BLOB NULL,
            patient_hash BLOB NULL,
            correlation_id TEXT NOT NULL,
            detail TEXT NULL
        ) WITHOUT ROWID
        """,
        $"CREATE INDEX IF NOT EXISTS ix_{AuditColumns.Table}_recorded ON {AuditColumns.Table} (recorded DESC, id DESC)",
        $"CREATE INDEX IF NOT EXISTS ix_{AuditColumns.Table}_patient_hash ON {AuditColumns.Table} (patient_hash, recorded DESC, id DESC)",
        $"CREATE INDEX IF NOT EXISTS ix_{AuditColumns.Table}_user ON {AuditColumns.Table} (user_id, recorded DESC, id DESC)",
        $"CREATE INDEX IF NOT EXISTS ix_{AuditColumns.Table}_organisation ON {AuditColumns.Table} (organisation_ods, recorded DESC, id DESC)",
        $"CREATE TABLE IF NOT EXISTS {AuditColumns.PatientTable} (patient_hash BLOB NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (patient_hash, event_id)) WITHOUT ROWID",
    ];

    protected override object ToDb(DateTimeOffset recorded) => (recorded.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    protected override object ToDb(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    protected override DateTimeOffset ReadRecorded(DbDataReader reader, int ordinal) =>
        DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(ordinal) * 10);

    protected override Guid ReadId(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);
}
