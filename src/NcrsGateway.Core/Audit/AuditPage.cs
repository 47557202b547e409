namespace NcrsGateway.Core.Audit;

/// <summary>One page of audit rows, newest first, and the cursor of the next page when there is one.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Records, string? NextCursor);
