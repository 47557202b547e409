namespace NcrsGateway.Events.Ingestion;

/// <summary>The content types the ingestion endpoint accepts.</summary>
internal static class EventMediaTypes
{
    public const string CloudEvent = "application/cloudevents+json";
    public const string CloudEventBatch = "application/cloudevents-batch+json";
    public const string Fhir = "application/fhir+json";
    public const string Json = "application/json";
}
