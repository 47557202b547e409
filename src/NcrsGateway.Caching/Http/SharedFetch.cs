namespace NcrsGateway.Caching.Http;

/// <summary>
/// The fetch one request runs for every caller waiting on the same cache key. It runs the endpoint's handler with that
/// request's <see cref="HttpContext"/>, so the request stays in the pipeline until the fetch ends even when its own
/// caller has gone (Kestrel recycles a context as soon as its request leaves); a request that leaves before its fetch
/// started never starts it.
/// </summary>
internal sealed class SharedFetch
{
    private const int Idle = 0;
    private const int Running = 1;
    private const int Left = 2;

    private TaskCompletionSource? _done; // only when a fetch starts: a hit allocates none
    private int _state;

    /// <summary>Marks the fetch as running; false when the request already left (its context must not be used).</summary>
    public bool TryStart()
    {
        // Published before the state says Running, so a caller leaving meanwhile always finds the task to wait on.
        Volatile.Write(ref _done, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return Interlocked.CompareExchange(ref _state, Running, Idle) == Idle;
    }

    /// <summary>The fetch ended, whichever way.</summary>
    public void Finish()
    {
        var done = _done;
        Volatile.Write(ref _state, Idle);
        done?.TrySetResult();
    }

    /// <summary>The request's caller went away: returns at once, or when the fetch this request is running ends.</summary>
    public Task LeaveAsync() =>
        Interlocked.CompareExchange(ref _state, Left, Idle) == Running && Volatile.Read(ref _done) is { } done ? done.Task : Task.CompletedTask;
}
