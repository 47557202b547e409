using NcrsGateway.Audit.Storage;

namespace NcrsGateway.Audit.Journal;

/// <summary>
/// A row that is durable in journal segment <see cref="Segment"/> and waits to be stored. <see cref="Replayed"/>: read back
/// at start from a journal an earlier process left (it may already be in the store).
/// </summary>
internal sealed record JournalEntry(AuditRow Row, long Segment, bool Replayed = false);
