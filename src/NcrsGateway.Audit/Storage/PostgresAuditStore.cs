using System.Data.Common;
using NcrsGateway.Storage;

namespace NcrsGateway.Audit.Storage;

/// <summary>The shared store for multi-instance deployments: audit's tables in the gateway's <see cref="PostgresStore"/>.</summary>
internal sealed class PostgresAuditStore(RelationalStore store) : RelationalAuditStore(store, StoreProvider.Postgres)
{
    protected override IReadOnlyList<string> SchemaStatements { get; } =
    [
        $"""
        CREATE TABLE IF NOT EXISTS {AuditColumns.Table} (
            id uuid NOT NULL PRIMARY KEY,
            recorded timestamptz NOT NULL,
            action text NOT NULL,
            outcome text NOT NULL,
            failure_category text NULL,
            failure_code text NULL,
            user_id text NULL,
            user_role text NULL,
            organisation_ods text NULL,
            workstation_id text NULL,
            client_app text NULL,
            origin_feature text NULL,
            encounter_id text NULL,
            patient_cipher bytea NULL,
            patient_hash bytea NULL,
            correlation_id text NOT NULL,
            detail text NULL
        )
        """,
        $"CREATE INDEX IF NOT EXISTS ix_{AuditColumns.Table}_recorded ON {AuditColumns.Table} (recorded DESC, id DESC)",
        $"CREATE INDEX IF NOT EXISTS ix_{AuditColumns.Table}_patient_hash ON {AuditColumns.Table} (patient_hash, recorded DESC, id DESC)",
        $"CREATE INDEX IF NOT EXISTS ix_{AuditColumns.Table}_user ON {AuditColumns.Table} (user_id, recorded DESC, id DESC)",
        $"CREATE INDEX IF NOT EXISTS ix_{AuditColumns.Table}_organisation ON {AuditColumns.Table} (organisation_ods, recorded DESC, id DESC)",
        $"CREATE TABLE IF NOT EXISTS {AuditColumns.PatientTable} (patient_hash bytea NOT NULL, event_id uuid NOT NULL, PRIMARY KEY (patient_hash, event_id))",
    ];

    protected override object ToDb(DateTimeOffset recorded) => recorded.ToUniversalTime();

    protected override object ToDb(Guid id) => id;

    protected override DateTimeOffset ReadRecorded(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    protected override Guid ReadId(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);
}
