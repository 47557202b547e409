namespace NcrsGateway.Core.Audit;

/// <summary>The durable audit store (SQLite by default, PostgreSQL when configured).</summary>
public interface IAuditTrail
{
    /// <summary>
    /// Records one access with the requested durability. Throws when the row cannot be made durable;
    /// callers that must fail closed (NCRS launch) rely on that.
    /// </summary>
    Task RecordAsync(AuditRecord record, AuditDurability durability, CancellationToken cancellationToken);

    Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken);
}
