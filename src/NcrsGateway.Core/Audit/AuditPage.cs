namespace NcrsGateway.Core.Audit;

/// <summary>One page of audit rows, newest first, the cursor of the next page when there is one, and how many rows match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Records, string? NextCursor, int? Total = null);
