namespace NcrsGateway.Core.Model.Events;

/// <summary>A subscription as the national service holds it.</summary>
/// <param name="Id">The service's id for it.</param>
/// <param name="EventType">The event type it delivers.</param>
/// <param name="Endpoint">Where it delivers.</param>
/// <param name="Status">The service's status, e.g. <c>active</c> or <c>requested</c>.</param>
/// <param name="Provenance">Which service said so, and when.</param>
public sealed record EventSubscription(string Id, string EventType, Uri Endpoint, string Status, Provenance Provenance);
