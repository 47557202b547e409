using Hl7.Fhir.Model;
using NcrsGateway.Fhir;
using static Hl7.Fhir.Model.CapabilityStatement;
using static NcrsGateway.Fhir.CapabilityParts;

namespace NcrsGateway.Events.Subscribers;

/// <summary>The subscriber hook's part of the CapabilityStatement: Subscription create, read and delete.</summary>
internal sealed class SubscriptionCapabilities : ICapabilityContributor
{
    public IEnumerable<ResourceComponent> Resources() =>
    [
        new()
        {
            Type = ResourceType.Subscription.ToString(),
            Documentation = "Local clinical apps (role clinician) register a rest-hook Subscription to an allowed endpoint; criteria: comma-separated change kinds (death, change-of-gp, nhs-number-change, new-record-pointer, new-vaccination). Signals are thin (patient NHS number and change kinds), signed with HMAC-SHA256, retried until a horizon. See docs/events.md.",
            Interaction = Interactions(TypeRestfulInteraction.Create, TypeRestfulInteraction.Read, TypeRestfulInteraction.Delete),
        },
    ];
}
