using NcrsGateway.Audit.Storage;

namespace NcrsGateway.Audit.Journal;

/// <summary>A row that is durable in journal segment <see cref="Segment"/> and waits to be stored.</summary>
internal sealed record JournalEntry(AuditRow Row, long Segment);
