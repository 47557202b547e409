namespace NcrsGateway.Events.Inbox;

/// <summary>One inbox row as stored: the subject only as its keyed hash and its row-bound ciphertext.</summary>
internal sealed record InboxRow(
    Guid Id,
    string Source,
    string ExternalId,
    string Type,
    byte[]? SubjectHash,
    byte[]? SubjectCipher,
    DateTimeOffset? EventTime,
    long? VersionId,
    DateTimeOffset Received,
    string Status,
    int Attempts,
    DateTimeOffset NextAttempt,
    string? LastError,
    DateTimeOffset? Processed)
{
    public EventKind Kind => EventTypes.KindOf(Type);
}
