namespace NcrsGateway.Core.Audit;

/// <summary>How durable a row must be before <see cref="IAuditTrail.RecordAsync"/> returns.</summary>
public enum AuditDurability
{
    /// <summary>Committed to the relational store before returning (NCRS launch: no link without a row).</summary>
    Committed,

    /// <summary>
    /// Appended to a write-ahead journal that is flushed (fsync) before returning, then batched into the
    /// store in the background; replayed on start, drained on shutdown. Nothing acknowledged can be lost.
    /// </summary>
    WriteAhead,
}
