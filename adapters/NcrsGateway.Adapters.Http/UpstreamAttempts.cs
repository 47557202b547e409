namespace NcrsGateway.Adapters.Http;

/// <summary>
/// Counts one logical request's attempts (the resilience handler re-sends a copy of the request, carrying its options; <see cref="UpstreamAttemptBudgetHandler"/> counts each)
/// and what the last one answered: read by <see cref="UpstreamSender"/> for its span and the request's timeline.
/// </summary>
internal sealed class UpstreamAttempts
{
    public static readonly HttpRequestOptionsKey<UpstreamAttempts> Key = new("NcrsGateway.UpstreamAttempts");

    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Who the call is for (metric dimensions of the request that made it); unknown for background work.</summary>
    public Core.Diagnostics.RequestDimensions? Dimensions { get; init; }

    /// <summary>The last attempt's status, or null when none answered.</summary>
    public int? LastStatus { get; private set; }

    /// <summary>An attempt answered with a Retry-After (so the retry waited, or later callers are held off).</summary>
    public bool RetryAfterSeen { get; private set; }

    public void Started() => Interlocked.Increment(ref _count);

    public void Answered(int status, bool retryAfter)
    {
        LastStatus = status;
        RetryAfterSeen |= retryAfter;
    }
}
