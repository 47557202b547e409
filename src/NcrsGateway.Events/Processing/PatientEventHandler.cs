using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Ports;
using NcrsGateway.Events.Inbox;

namespace NcrsGateway.Events.Processing;

/// <summary>
/// Acts on one patient's due events, once for the whole group; never applies a payload. In order:
/// <list type="number">
/// <item>Clinical safety first, whatever else happens: a death or an NHS-number change cancels every open selection
/// for that number, so the clinician confirms the patient again before NCRS opens.</item>
/// <item>Events already covered — received before the gateway last acted for this patient, or naming a version not
/// newer than one already handled — trigger nothing more: out of order never makes anything older.</item>
/// <item>Otherwise the patient's cached metadata is evicted on every instance, and for a death or NHS-number change
/// the current record is re-fetched from the authoritative service (once per group, at the upstream budget's
/// background priority, so it never takes a slot a waiting clinician wants): when the number is superseded, the
/// current number is evicted and its open selections cancelled too (a selection made through the old number is held
/// under the current one).</item>
/// </list>
/// </summary>
internal sealed class PatientEventHandler(
    IServiceProvider services,
    EventCounters counters)
{
    /// <returns>Whether the gateway acted (evicted, re-fetched), and a note for the rows.</returns>
    /// <exception cref="Exception">Anything retryable: the rows are retried with backoff.</exception>
    public async Task<(bool Acted, string? Note)> HandleAsync(NhsNumber patient, IReadOnlyList<InboxRow> rows, PatientState? state, CancellationToken cancellationToken)
    {
        var safety = rows.Any(r => r.Kind is EventKind.Death or EventKind.NhsNumberChange);
        if (safety && services.GetService<IPatientSelections>() is { } selections)
        {
            counters.SelectionsCancelled(await selections.CancelOpenSelectionsAsync(patient, cancellationToken).ConfigureAwait(false));
        }

        var uncovered = rows.Where(r => !IsCovered(r, state)).ToList();
        if (uncovered.Count == 0)
        {
            return (false, "covered: the gateway already acted for this patient after this event arrived, or for a newer version");
        }

        var cache = services.GetService<IMetadataCacheInvalidator>();
        if (cache is not null)
        {
            await cache.InvalidatePatientAsync(patient, cancellationToken).ConfigureAwait(false);
        }

        if (!uncovered.Any(r => r.Kind is EventKind.Death or EventKind.NhsNumberChange) || services.GetService<IDemographicsSource>() is not { } demographics)
        {
            return (true, null);
        }

        try
        {
            counters.Refetched();
            var record = await demographics.ReadAsync(patient, new RequestContext("event-" + rows[0].Id.ToString("N"), null) { Priority = RequestPriority.Background }, cancellationToken).ConfigureAwait(false);
            if (record.Identity.NhsNumber != patient)
            {
                // a selection made through the old number is held under the current one: it is cancelled too
                if (services.GetService<IPatientSelections>() is { } current)
                {
                    counters.SelectionsCancelled(await current.CancelOpenSelectionsAsync(record.Identity.NhsNumber, cancellationToken).ConfigureAwait(false));
                }

                if (cache is not null)
                {
                    await cache.InvalidatePatientAsync(record.Identity.NhsNumber, cancellationToken).ConfigureAwait(false);
                }

                return (true, "re-fetched: the NHS number is superseded; both numbers evicted and their open selections cancelled");
            }

            return (true, "re-fetched");
        }
        catch (GatewayException e) when (e.Error.HttpStatus is >= 400 and < 500)
        {
            return (true, $"re-fetch answered {e.Error.Code}: nothing more to do");
        }
    }

    private static bool IsCovered(InboxRow row, PatientState? state) =>
        state is not null
        && (row.Received <= state.Refreshed || (row.VersionId is { } version && state.VersionId is { } handled && version <= handled));
}
