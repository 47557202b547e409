using System.Diagnostics.Metrics;

namespace NcrsGateway.Events.Processing;

/// <summary>
/// What the worker did, as metrics (meter <c>NcrsGateway.Events</c>) and as totals this process can read (the
/// operator endpoint and tests). Counts only: no patient, no event id.
/// </summary>
internal sealed class EventCounters : IDisposable
{
    public const string MeterName = "NcrsGateway.Events";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _processed;
    private readonly Counter<long> _refetches;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deadLetters;
    private long _processedTotal;
    private long _refetchTotal;
    private long _selectionsCancelledTotal;

    public EventCounters()
    {
        _processed = _meter.CreateCounter<long>("ncrs.events.processed", description: "Inbox events settled as processed");
        _refetches = _meter.CreateCounter<long>("ncrs.events.refetches", description: "Re-fetches from the authoritative service made for events");
        _retries = _meter.CreateCounter<long>("ncrs.events.retries", description: "Event processing attempts that failed and will be retried");
        _deadLetters = _meter.CreateCounter<long>("ncrs.events.dead_letters", description: "Events that exhausted their attempts");
    }

    public long ProcessedTotal => Interlocked.Read(ref _processedTotal);

    public long RefetchTotal => Interlocked.Read(ref _refetchTotal);

    public long SelectionsCancelledTotal => Interlocked.Read(ref _selectionsCancelledTotal);

    public void Processed(int count)
    {
        Interlocked.Add(ref _processedTotal, count);
        _processed.Add(count);
    }

    public void Refetched()
    {
        Interlocked.Increment(ref _refetchTotal);
        _refetches.Add(1);
    }

    public void SelectionsCancelled(int count) => Interlocked.Add(ref _selectionsCancelledTotal, count);

    public void Failed(bool deadLetter)
    {
        if (deadLetter)
        {
            _deadLetters.Add(1);
        }
        else
        {
            _retries.Add(1);
        }
    }

    public void Dispose() => _meter.Dispose();
}
