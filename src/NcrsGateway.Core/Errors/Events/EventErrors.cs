namespace NcrsGateway.Core.Errors;

/// <summary>
/// Taxonomy entries only the events feature raises (national change signals from MNS, and the operator endpoints).
/// Part of <see cref="GatewayErrors"/>' taxonomy (same code system, stable codes). The senders are systems, not
/// clinicians: the advice names what their operator should check.
/// </summary>
public static class EventErrors
{
    public static readonly GatewayError SenderUnauthenticated = new(
        "event-sender-unauthenticated", 401, "login",
        "The event was not accepted because the sender did not prove who it is (missing or wrong shared secret or signature). Nothing was stored. Check the sender's configured secret or signing key with the gateway's operator.",
        FailureCategory.AccessRefused);

    public static readonly GatewayError InvalidEvent = new(
        "invalid-event", 400, "invalid",
        "The event was not accepted: it is not a valid CloudEvents 1.0 or FHIR subscription-status notification for a known patient. It was recorded as rejected; correct the sender and send it again.",
        FailureCategory.UserError);

    public static readonly GatewayError UnsupportedEventFormat = new(
        "unsupported-event-format", 415, "not-supported",
        "The gateway accepts events as application/cloudevents+json, application/cloudevents-batch+json or a FHIR history Bundle (application/fhir+json). Send one of these.",
        FailureCategory.UserError);

    public static readonly GatewayError EventsUnavailable = new(
        "events-unavailable", 503, "transient",
        "The gateway could not store the event just now, so it was not accepted. Send it again later; nothing was lost on the gateway's side.",
        FailureCategory.TechnicalError);

    public static readonly GatewayError InvalidEventQuery = new(
        "invalid-event-query", 400, "invalid",
        "The event list or reprocess request could not be run as asked. Use status (pending, processed, ignored, dead-letter), since (an ISO 8601 date-time with a zone) or id as documented in docs/events.md.",
        FailureCategory.UserError);

    public static readonly GatewayError InvalidSubscription = new(
        "invalid-subscription", 400, "invalid",
        "The Subscription was not created: send a FHIR R4 Subscription with channel.type rest-hook, a channel.endpoint and criteria naming the change kinds (death, change-of-gp, nhs-number-change, new-record-pointer, new-vaccination) as documented in docs/events.md.",
        FailureCategory.UserError);

    public static readonly GatewayError SubscriberEndpointNotAllowed = new(
        "subscriber-endpoint-not-allowed", 422, "business-rule",
        "The Subscription was not created because its channel.endpoint is not on the gateway's list of local systems allowed to receive patient signals. Ask the gateway's operator to add it (Events:Subscribers:AllowedEndpoints), then register again.",
        FailureCategory.UserError);

    public static readonly GatewayError SubscriptionNotFound = new(
        "subscription-not-found", 404, "not-found",
        "No Subscription has this id (it may have been deleted). Register the Subscription again if the application still needs the signals.",
        FailureCategory.UserError);
}
