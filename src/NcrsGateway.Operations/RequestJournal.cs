using Microsoft.Extensions.Options;
using NcrsGateway.Core.Diagnostics;

namespace NcrsGateway.Operations;

/// <summary>
/// This instance's last <see cref="OperationsOptions.JournalCapacity"/> requests, in a ring (recording is one lock and
/// one array write: no serialisation, no allocation beyond the record itself), and a hand-off of each to
/// <see cref="SharedJournalWriter"/> when a shared store is configured. Lookups scan the ring: they are rare.
/// </summary>
internal sealed class RequestJournal : IRequestObserver
{
    private readonly CompletedRequest?[] _ring;
    private readonly SharedJournalQueue? _shared;
    private readonly TimeSpan _slow;
    private long _next;

    public RequestJournal(IOptions<OperationsOptions> options, SharedJournalQueue? shared = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ring = new CompletedRequest?[options.Value.JournalCapacity];
        _slow = options.Value.SlowRequestThreshold;
        _shared = shared;
    }

    public void Completed(CompletedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Route.StartsWith("/health", StringComparison.Ordinal))
        {
            return; // probes every few seconds would push the requests people ask about out of the ring
        }

        lock (_ring)
        {
            _ring[_next++ % _ring.Length] = request;
        }

        _shared?.Offer(request, IsNotable(request));
    }

    /// <summary>Slow, or answered with an error.</summary>
    public bool IsNotable(CompletedRequest request) => request.Duration >= _slow || request.Status >= 500 || request.Outcome != "ok";

    /// <summary>Every request kept under <paramref name="correlationId"/>, oldest first.</summary>
    public IReadOnlyList<CompletedRequest> Find(string correlationId)
    {
        var found = new List<CompletedRequest>();
        foreach (var request in Snapshot())
        {
            if (string.Equals(request.CorrelationId, correlationId, StringComparison.Ordinal))
            {
                found.Add(request);
            }
        }

        return found;
    }

    /// <summary>The most recent slow or failed requests, newest first.</summary>
    public IReadOnlyList<CompletedRequest> Recent(int count)
    {
        var all = Snapshot();
        var recent = new List<CompletedRequest>(Math.Min(count, all.Count));
        for (var i = all.Count - 1; i >= 0 && recent.Count < count; i--)
        {
            if (IsNotable(all[i]))
            {
                recent.Add(all[i]);
            }
        }

        return recent;
    }

    /// <summary>The ring's requests, oldest first.</summary>
    private List<CompletedRequest> Snapshot()
    {
        lock (_ring)
        {
            var list = new List<CompletedRequest>(_ring.Length);
            var start = _next > _ring.Length ? _next - _ring.Length : 0;
            for (var i = start; i < _next; i++)
            {
                list.Add(_ring[i % _ring.Length]!);
            }

            return list;
        }
    }
}
