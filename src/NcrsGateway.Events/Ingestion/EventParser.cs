using System.Text.Json;
using Microsoft.Net.Http.Headers;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Events.Ingestion;

/// <summary>
/// Splits a delivery (bytes already read within the size limit and authenticated) into events. The content type
/// says the shape: a single CloudEvent, a CloudEvents batch (JSON array), or a FHIR history Bundle; plain
/// <c>application/json</c> is read by its shape (array, Bundle, or one event, including the older <c>-1</c> form).
/// A body that is not JSON at all is one rejected event; an unsupported content type is refused (415) unread.
/// </summary>
internal static class EventParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <exception cref="GatewayException">unsupported-event-format, or request-too-large when the batch holds too many events.</exception>
    public static ParsedDelivery Parse(ReadOnlyMemory<byte> body, string? contentType, int maxEvents)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        if (mediaType is not (EventMediaTypes.CloudEvent or EventMediaTypes.CloudEventBatch or EventMediaTypes.Fhir or EventMediaTypes.Json))
        {
            throw new GatewayException(EventErrors.UnsupportedEventFormat);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            return Single(new RejectedEvent(0, null, null, null, "The body is not valid JSON."), mediaType);
        }

        using (document)
        {
            var root = document.RootElement;
            return mediaType switch
            {
                EventMediaTypes.CloudEventBatch => root.ValueKind == JsonValueKind.Array
                    ? Batch(root, maxEvents, mediaType)
                    : Single(new RejectedEvent(0, null, null, null, "A CloudEvents batch must be a JSON array of events."), mediaType),
                EventMediaTypes.Fhir => Bundle(root, maxEvents, mediaType),
                EventMediaTypes.CloudEvent => One(root, mediaType),
                _ when root.ValueKind == JsonValueKind.Array => Batch(root, maxEvents, mediaType),
                _ when EventFields.Text(root, "resourceType") is not null => Bundle(root, maxEvents, mediaType),
                _ => One(root, mediaType),
            };
        }
    }

    private static ParsedDelivery One(JsonElement root, string format)
    {
        var (incoming, rejected) = CloudEventReader.Read(root, 0);
        return new ParsedDelivery(incoming is null ? [] : [incoming], rejected is null ? [] : [rejected], false, format);
    }

    private static ParsedDelivery Batch(JsonElement array, int maxEvents, string format)
    {
        CheckCount(array.GetArrayLength(), maxEvents);
        var accepted = new List<IncomingEvent>();
        var rejected = new List<RejectedEvent>();
        var position = 0;
        foreach (var element in array.EnumerateArray())
        {
            var (incoming, refused) = CloudEventReader.Read(element, position++);
            Add(accepted, rejected, incoming, refused);
        }

        return new ParsedDelivery(accepted, rejected, true, format);
    }

    private static ParsedDelivery Bundle(JsonElement root, int maxEvents, string format)
    {
        var (notifications, reason) = FhirSignalReader.Notifications(root);
        if (notifications is null)
        {
            return Single(new RejectedEvent(0, null, null, null, reason!), format);
        }

        CheckCount(notifications.Count, maxEvents);
        var accepted = new List<IncomingEvent>();
        var rejected = new List<RejectedEvent>();
        for (var i = 0; i < notifications.Count; i++)
        {
            var (incoming, refused) = FhirSignalReader.Read(notifications[i], i);
            Add(accepted, rejected, incoming, refused);
        }

        if (accepted.Count == 0 && rejected.Count == 0)
        {
            rejected.Add(new RejectedEvent(0, null, null, null, "The Bundle holds no event-notification Parameters."));
        }

        return new ParsedDelivery(accepted, rejected, true, format);
    }

    private static void Add(List<IncomingEvent> accepted, List<RejectedEvent> rejected, IncomingEvent? incoming, RejectedEvent? refused)
    {
        if (incoming is not null)
        {
            accepted.Add(incoming);
        }
        else if (refused is not null)
        {
            rejected.Add(refused);
        }
    }

    private static ParsedDelivery Single(RejectedEvent rejected, string format) => new([], [rejected], false, format);

    private static void CheckCount(int count, int maxEvents)
    {
        if (count > maxEvents)
        {
            throw new GatewayException(GatewayErrors.RequestTooLarge, $"The delivery holds {count} events; at most {maxEvents} are accepted at once.");
        }
    }
}
