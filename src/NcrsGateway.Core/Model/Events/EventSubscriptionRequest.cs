namespace NcrsGateway.Core.Model.Events;

/// <summary>A subscription to ask for: one event type, delivered by rest-hook to one endpoint. Its business key is both.</summary>
/// <param name="EventType">An MNS event type, e.g. <c>pds-death-notification-2</c>.</param>
/// <param name="Endpoint">Where MNS delivers: the gateway's public ingestion URL (https).</param>
public sealed record EventSubscriptionRequest(string EventType, Uri Endpoint)
{
    /// <summary>Event type and endpoint: a second create with the same key is a replay, never a second subscription.</summary>
    public string BusinessKey => EventType + " " + Endpoint.AbsoluteUri;
}
