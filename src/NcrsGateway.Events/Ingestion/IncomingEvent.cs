using NcrsGateway.Core;

namespace NcrsGateway.Events.Ingestion;

/// <summary>
/// One valid national event as received: the fields the inbox keeps, nothing else (the payload is never stored or
/// applied). <paramref name="Subject"/> is null only for an unknown type that named no valid NHS number.
/// </summary>
internal sealed record IncomingEvent(
    string Source,
    string Id,
    string Type,
    NhsNumber? Subject,
    DateTimeOffset? Time,
    long? VersionId)
{
    public EventKind Kind => EventTypes.KindOf(Type);
}
