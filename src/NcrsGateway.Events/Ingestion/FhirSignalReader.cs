using System.Text.Json;

namespace NcrsGateway.Events.Ingestion;

/// <summary>
/// A FHIR R4 <c>history</c> Bundle of subscription-status <c>Parameters</c> (the backport profile MNS uses): each
/// <c>event-notification</c> entry is one event. Its id is the Parameters' id; source, type, subject and
/// version come from <c>additional-context</c>, time from <c>notification-event.timestamp</c>. Other entries
/// (hydrated resources, handshakes, heartbeats) are not events and are skipped.
/// </summary>
internal static class FhirSignalReader
{
    /// <summary>Null when the body is not a history Bundle (the reason says why).</summary>
    public static (List<JsonElement>? Notifications, string? Reason) Notifications(JsonElement bundle)
    {
        if (EventFields.Text(bundle, "resourceType") != "Bundle" || EventFields.Text(bundle, "type") != "history")
        {
            return (null, "A FHIR delivery must be a Bundle of type history.");
        }

        var notifications = new List<JsonElement>();
        if (bundle.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource)
                    && EventFields.Text(resource, "resourceType") == "Parameters" && IsNotification(resource))
                {
                    notifications.Add(resource);
                }
            }
        }

        return (notifications, null);
    }

    public static (IncomingEvent? Event, RejectedEvent? Rejected) Read(JsonElement parameters, int position)
    {
        var context = Part(parameters, "additional-context");
        var notification = Part(parameters, "notification-event");
        var id = EventFields.Text(parameters, "id");
        var source = Value(context, "source", "valueUri");
        var type = Value(context, "event-type", "valueString");
        var subject = Named(context, "subject") is { } s && s.TryGetProperty("valueReference", out var reference)
            && reference.TryGetProperty("identifier", out var identifier)
                ? EventFields.Text(identifier, "value")
                : null;
        var (incoming, reason) = EventFields.Build(source, id, type, subject, Value(notification, "timestamp", "valueInstant"), Value(context, "version-id", "valueString"));
        return incoming is not null
            ? (incoming, null)
            : (null, new RejectedEvent(position, EventFields.Keep(source, EventFields.MaxSourceLength), EventFields.Keep(id, EventFields.MaxIdLength), EventFields.Keep(type, EventFields.MaxTypeLength), reason!));
    }

    private static bool IsNotification(JsonElement parameters) =>
        Named(Params(parameters), "type") is { } type && EventFields.Text(type, "valueCode") == "event-notification";

    private static IEnumerable<JsonElement> Params(JsonElement parameters) =>
        parameters.TryGetProperty("parameter", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static IEnumerable<JsonElement> Part(JsonElement parameters, string name) =>
        Named(Params(parameters), name) is { } p && p.TryGetProperty("part", out var parts) && parts.ValueKind == JsonValueKind.Array ? parts.EnumerateArray() : [];

    private static JsonElement? Named(IEnumerable<JsonElement> items, string name)
    {
        foreach (var item in items)
        {
            if (EventFields.Text(item, "name") == name)
            {
                return item;
            }
        }

        return null;
    }

    private static string? Value(IEnumerable<JsonElement> parts, string name, string valueProperty) =>
        Named(parts, name) is { } part ? EventFields.Text(part, valueProperty) : null;
}
