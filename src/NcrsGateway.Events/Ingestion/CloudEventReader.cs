using System.Text.Json;

namespace NcrsGateway.Events.Ingestion;

/// <summary>
/// A CloudEvents 1.0 JSON event (MNS's <c>-2</c> types): <c>specversion</c>, <c>id</c>, <c>source</c>, <c>type</c>,
/// optional <c>time</c>, <c>subject</c> (NHS number), <c>versionid</c>. <c>dataref</c> and <c>data</c> are not kept.
/// The older plain-JSON <c>-1</c> shape (no <c>specversion</c>, subject and source as objects) is read too.
/// </summary>
internal static class CloudEventReader
{
    public static (IncomingEvent? Event, RejectedEvent? Rejected) Read(JsonElement element, int position)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, new RejectedEvent(position, null, null, null, "An event must be a JSON object."));
        }

        var id = EventFields.Text(element, "id");
        var type = EventFields.Text(element, "type");
        if (!element.TryGetProperty("specversion", out _) && IsLegacy(element))
        {
            return Outcome(position, LegacySource(element), id, type, LegacySubject(element), EventFields.Text(element, "time"), LegacyVersion(element));
        }

        var source = EventFields.Text(element, "source");
        var specVersion = EventFields.Text(element, "specversion");
        if (specVersion != "1.0")
        {
            return (null, Rejected(position, source, id, type, "specversion must be \"1.0\" (CloudEvents 1.0)."));
        }

        return Outcome(position, source, id, type, EventFields.Text(element, "subject"), EventFields.Text(element, "time"), EventFields.Text(element, "versionid"));
    }

    private static (IncomingEvent?, RejectedEvent?) Outcome(int position, string? source, string? id, string? type, string? subject, string? time, string? version)
    {
        var (incoming, reason) = EventFields.Build(source, id, type, subject, time, version);
        return incoming is not null ? (incoming, null) : (null, Rejected(position, source, id, type, reason!));
    }

    private static RejectedEvent Rejected(int position, string? source, string? id, string? type, string reason) =>
        new(position, EventFields.Keep(source, EventFields.MaxSourceLength), EventFields.Keep(id, EventFields.MaxIdLength), EventFields.Keep(type, EventFields.MaxTypeLength), reason);

    /// <summary>The <c>-1</c> shape: subject and source are objects.</summary>
    private static bool IsLegacy(JsonElement element) =>
        element.TryGetProperty("subject", out var subject) && subject.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object;

    private static string? LegacySubject(JsonElement element) => EventFields.Text(element.GetProperty("subject"), "nhsNumber");

    /// <summary><c>{system}/{value}</c> of <c>source.identifier</c>, as the <c>-2</c> types name the same sender.</summary>
    private static string? LegacySource(JsonElement element) =>
        element.GetProperty("source").TryGetProperty("identifier", out var identifier)
        && EventFields.Text(identifier, "system") is { } system && EventFields.Text(identifier, "value") is { } value
            ? system.TrimEnd('/') + "/" + value
            : null;

    private static string? LegacyVersion(JsonElement element) =>
        element.TryGetProperty("data", out var data) ? EventFields.Text(data, "versionId") : null;
}
