using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Model.Events;

namespace NcrsGateway.Adapters.Mns;

/// <summary>
/// Between the gateway's subscription terms and MNS's FHIR R4 <c>Subscription</c>: criteria <c>eventType={type}</c>,
/// a <c>rest-hook</c> channel to the endpoint with JSON payloads. Nothing else is sent.
/// </summary>
internal static class MnsMapper
{
    private const string CriteriaPrefix = "eventType=";

    public static StringContent ToBody(EventSubscriptionRequest request)
    {
        var subscription = new Subscription
        {
            Status = Subscription.SubscriptionStatus.Requested,
            Reason = "NCRS gateway: re-check national records when they change",
            Criteria = CriteriaPrefix + request.EventType,
            Channel = new Subscription.ChannelComponent
            {
                Type = Subscription.SubscriptionChannelType.RestHook,
                Endpoint = request.Endpoint.AbsoluteUri,
                Payload = "application/json",
            },
        };
        return new StringContent(JsonSerializer.Serialize(subscription, FhirJson.Options), Encoding.UTF8, FhirJson.MediaType);
    }

    /// <summary>The subscription, or null when MNS's answer lacks an id, an event type criterion or an absolute endpoint.</summary>
    public static EventSubscription? From(Subscription subscription, DateTimeOffset retrievedAt)
    {
        if (string.IsNullOrWhiteSpace(subscription.Id)
            || subscription.Criteria is not { } criteria || !criteria.StartsWith(CriteriaPrefix, StringComparison.Ordinal)
            || !Uri.TryCreate(subscription.Channel?.Endpoint, UriKind.Absolute, out var endpoint))
        {
            return null;
        }

        var status = subscription.Status?.ToString().ToLowerInvariant() ?? "unknown";
        return new EventSubscription(
            subscription.Id,
            criteria[CriteriaPrefix.Length..],
            endpoint,
            status,
            new Core.Model.Provenance(SourceServices.Mns, retrievedAt, subscription.Meta?.VersionId, retrievedAt, ShowWithoutRefresh: true));
    }
}
