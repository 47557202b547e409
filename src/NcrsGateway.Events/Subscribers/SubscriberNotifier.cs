using NcrsGateway.Core;
using NcrsGateway.Core.Ports;
using NcrsGateway.Events.Inbox;

namespace NcrsGateway.Events.Subscribers;

/// <summary>
/// Called by the event worker once per patient group it acted on (a burst): queues one signal per matching active
/// Subscription, with a delivery id derived from the Subscription and the burst's first event, so a group handled again
/// after a crash queues nothing more.
/// </summary>
internal sealed class SubscriberNotifier(SubscriberStore store, IPatientProtector protector, TimeProvider time)
{
    public async Task<int> NotifyAsync(NhsNumber patient, IReadOnlyList<InboxRow> rows, CancellationToken cancellationToken)
    {
        var kinds = rows.Select(r => SubscriberCriteria.Of(r.Kind)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (kinds.Count == 0)
        {
            return 0;
        }

        var burst = rows.Min(r => r.Id);
        var queued = 0;
        foreach (var subscription in await store.ActiveAsync(cancellationToken).ConfigureAwait(false))
        {
            var events = subscription.Criteria.Where(kinds.Contains).ToList();
            if (events.Count == 0)
            {
                continue;
            }

            var id = SubscriberSignal.DeliveryId(subscription.Id, burst);
            if (await store.EnqueueAsync(id, subscription.Id, protector.Encrypt(patient, id), events, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                queued++;
            }
        }

        return queued;
    }
}
