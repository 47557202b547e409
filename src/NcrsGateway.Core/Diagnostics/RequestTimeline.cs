namespace NcrsGateway.Core.Diagnostics;

/// <summary>
/// Where one inbound request's time went, gathered as it runs: each upstream call, the cache decision and the audit
/// write, as offsets from the request's start on the injected clock. One per request (the edge creates it and hands it
/// to adapters on <see cref="Ports.RequestContext.Timeline"/>); it holds names, statuses and durations only, never an
/// identifier. Safe for calls made in parallel within the request.
/// </summary>
public sealed class RequestTimeline
{
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly List<UpstreamCallTiming> _upstreamCalls = new(2);

    /// <param name="time">The injected clock.</param>
    public RequestTimeline(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _started = time.GetTimestamp();
        StartedAt = time.GetUtcNow();
    }

    /// <summary>When the request arrived (wall clock).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Who the request came from, once the caller is known (metric dimensions); <see cref="RequestDimensions.Unknown"/> before.</summary>
    public RequestDimensions Dimensions { get; set; } = RequestDimensions.Unknown;

    /// <summary>The taxonomy code of the OperationOutcome answered, or null while none was.</summary>
    public string? ErrorCode { get; private set; }

    /// <summary>The cache's decision (<c>hit</c>, <c>miss</c>, <c>refresh</c>), or null when no cache stood in front of the route.</summary>
    public string? CacheDecision { get; private set; }

    /// <summary>How long the audit row took to become durable, or null when none was written.</summary>
    public TimeSpan? AuditWrite { get; private set; }

    /// <summary>The clock's timestamp now (for <see cref="Since"/>).</summary>
    public long Timestamp() => _time.GetTimestamp();

    /// <summary>Time since <paramref name="timestamp"/>.</summary>
    public TimeSpan Since(long timestamp) => _time.GetElapsedTime(timestamp);

    /// <summary>Time since the request started.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>The upstream calls made so far, in the order they finished.</summary>
    public IReadOnlyList<UpstreamCallTiming> UpstreamCalls
    {
        get
        {
            lock (_upstreamCalls)
            {
                return [.. _upstreamCalls];
            }
        }
    }

    /// <summary>Records one finished upstream call that started at <paramref name="startedTimestamp"/>.</summary>
    public void AddUpstreamCall(string upstream, long startedTimestamp, int? status, int attempts, string outcome)
    {
        var call = new UpstreamCallTiming(upstream, _time.GetElapsedTime(_started, startedTimestamp), _time.GetElapsedTime(startedTimestamp), status, attempts, outcome);
        lock (_upstreamCalls)
        {
            _upstreamCalls.Add(call);
        }
    }

    public void SetCacheDecision(string decision) => CacheDecision = decision;

    public void SetErrorCode(string code) => ErrorCode = code;

    public void SetAuditWrite(TimeSpan duration) => AuditWrite = duration;
}
