using Microsoft.Extensions.Options;
using NcrsGateway.Core.Ports;
using NcrsGateway.Events.Inbox;

namespace NcrsGateway.Events.Processing;

/// <summary>
/// The background worker, separate from ingestion: claims due events under a lease (several instances share the
/// inbox safely), handles each patient's events once, settles them, and retries failures with backoff until
/// <c>Events:MaxAttempts</c>, then dead-letter with the reason. Stopping (or a crash) leaves claimed rows to be taken
/// again when their lease runs out.
/// </summary>
internal sealed partial class EventProcessor(
    EventInbox inbox,
    PatientEventHandler handler,
    Subscribers.SubscriberNotifier subscribers,
    IPatientProtector protector,
    EventCounters counters,
    IOptions<EventsOptions> options,
    TimeProvider time,
    ILogger<EventProcessor> logger) : PollingWorker(time)
{
    private const int Parallelism = 4;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override void PollFailed(Exception exception) => LogPollFailed(logger, exception.GetType().Name);

    internal override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var started = Time.GetUtcNow();
        var rows = await inbox.ClaimAsync(Owner, o.ClaimBatchSize, started, o.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return 0;
        }

        var groups = rows.GroupBy(r => r.SubjectHash is null ? "none:" + r.Id : Convert.ToHexString(r.SubjectHash)).Select(g => g.ToList()).ToList();
        await Parallel.ForEachAsync(
            groups,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (group, ct) => await HandleGroupAsync(group, started, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return rows.Count;
    }

    private async Task HandleGroupAsync(List<InboxRow> group, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var exhausted = group.Where(r => r.Attempts > o.MaxAttempts).ToList();
        foreach (var row in exhausted)
        {
            await FailAsync(row, "gave up: the instances processing it stopped before finishing", cancellationToken).ConfigureAwait(false);
        }

        var rows = group.Except(exhausted).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var first = rows[0];
        if (first.SubjectHash is null || first.SubjectCipher is null)
        {
            await inbox.CompleteAsync(rows, Owner, Time.GetUtcNow(), "no patient named: nothing to do", null, null, cancellationToken).ConfigureAwait(false);
            counters.Processed(rows.Count);
            return;
        }

        try
        {
            var patient = protector.Decrypt(first.SubjectCipher, first.Id);
            var state = await inbox.PatientAsync(first.SubjectHash, cancellationToken).ConfigureAwait(false);
            var (acted, note) = await handler.HandleAsync(patient, rows, state, cancellationToken).ConfigureAwait(false);
            if (acted)
            {
                // one signal per matching Subscription for the whole group (the burst), queued before the rows settle:
                // a group handled again after a crash derives the same delivery ids and queues nothing more
                await subscribers.NotifyAsync(patient, rows, cancellationToken).ConfigureAwait(false);
            }

            // the highest version seen is remembered even when nothing was done (covered: an action after these events
            // arrived already made the cache re-read PDS), so a later, older event is covered by version too
            var version = rows.Max(r => r.VersionId);
            var updated = acted || version is not null ? new PatientState(acted ? started : DateTimeOffset.UnixEpoch, version) : null;
            await inbox.CompleteAsync(rows, Owner, Time.GetUtcNow(), note, first.SubjectHash, updated, cancellationToken).ConfigureAwait(false);
            counters.Processed(rows.Count);
            LogHandled(logger, rows.Count, acted);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = e is Core.Errors.GatewayException g ? $"{g.Error.Code}: {g.Error.HttpStatus}" : e.GetType().Name;
            foreach (var row in rows)
            {
                await FailAsync(row, reason, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task FailAsync(InboxRow row, string reason, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = Time.GetUtcNow();
        var deadLetter = row.Attempts >= o.MaxAttempts;
        await inbox.FailAsync(row, Owner, now, now + RetryBackoff.After(row.Attempts, o.RetryDelay, o.MaxRetryDelay), o.MaxAttempts, reason, cancellationToken).ConfigureAwait(false);
        counters.Failed(deadLetter);
        if (deadLetter)
        {
            LogDeadLetter(logger, row.Id, row.Attempts, reason);
        }
        else
        {
            LogRetry(logger, row.Id, row.Attempts, reason);
        }
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Debug, Message = "Handled {Count} event(s) for one patient (acted: {Acted})")]
    private static partial void LogHandled(ILogger logger, int count, bool acted);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Event {EventRowId} failed on attempt {Attempts} ({Reason}); it will be retried")]
    private static partial void LogRetry(ILogger logger, Guid eventRowId, int attempts, string reason);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Error, Message = "Event {EventRowId} moved to dead-letter after {Attempts} attempts ({Reason}); an operator can reprocess it")]
    private static partial void LogDeadLetter(ILogger logger, Guid eventRowId, int attempts, string reason);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Warning, Message = "Event worker could not claim events ({ExceptionType}); it will try again")]
    private static partial void LogPollFailed(ILogger logger, string exceptionType);
}
