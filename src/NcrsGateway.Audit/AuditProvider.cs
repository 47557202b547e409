namespace NcrsGateway.Audit;

/// <summary>Which relational store holds the audit trail.</summary>
public enum AuditProvider
{
    /// <summary>A SQLite file <c>audit.db</c> under <see cref="AuditOptions.DataDirectory"/> (single instance).</summary>
    Sqlite,

    /// <summary>PostgreSQL at <see cref="AuditOptions.PostgresConnectionString"/> (shared by every instance).</summary>
    Postgres,
}
