using NcrsGateway.Core.Model.Events;

namespace NcrsGateway.Core.Ports;

/// <summary>
/// The national event subscriptions the gateway keeps (MNS): create one for an event type and delivery endpoint, and
/// list those that exist (to adopt one a create made before its result was recorded). Creates are not idempotent
/// upstream: the caller makes them so (the events feature records each create by business key before sending it).
/// </summary>
public interface IEventSubscriptions
{
    Task<EventSubscription> CreateAsync(EventSubscriptionRequest request, RequestContext context, CancellationToken cancellationToken);

    Task<IReadOnlyList<EventSubscription>> ListAsync(RequestContext context, CancellationToken cancellationToken);
}
