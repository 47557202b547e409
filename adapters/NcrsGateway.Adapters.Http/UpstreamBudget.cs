using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// One upstream's outbound request budget: a token bucket of <see cref="RequestBudget.Burst"/> tokens refilled at
/// <see cref="RequestBudget.RequestsPerSecond"/>, shared by every instance through <see cref="ISharedRequestBudget"/>
/// (Redis) while it is available, this instance's System.Threading.RateLimiting bucket otherwise. A call that finds no
/// token waits in line (clinical calls before background work) for at most its wait; a call whose expected wait is
/// longer is refused at once. While an upstream's Retry-After runs (a 429 or 503, remembered in
/// <see cref="UpstreamBackoff"/> and, through Redis, by every instance) no token is handed out.
/// Token timing is real time (the limiter's own clock, or Redis's); the injected clock keeps remembered Retry-After.
/// </summary>
internal sealed partial class UpstreamBudget : IDisposable
{
    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(250);
    private readonly TokenBucketRateLimiter _local;
    private readonly UpstreamBackoff _backoff;
    private readonly ISharedRequestBudget? _shared;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Queue<Waiter> _clinical = new();
    private readonly Queue<Waiter> _background = new();
    private bool _pumping;

    public UpstreamBudget(string name, RequestBudget limits, UpstreamBackoff backoff, ISharedRequestBudget? shared, ILogger logger)
    {
        Name = name;
        Limits = limits;
        Period = TimeSpan.FromSeconds(1 / limits.RequestsPerSecond);
        _backoff = backoff;
        _shared = shared;
        _logger = logger;
        _local = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = Period,
            QueueLimit = 0,
            AutoReplenishment = false, // refilled from the elapsed time on every attempt, not by a timer
        });
    }

    /// <summary>The bucket's name (the adapter's, e.g. <c>pds</c>): the shared bucket's key.</summary>
    public string Name { get; }

    public RequestBudget Limits { get; }

    /// <summary>How often one token comes back.</summary>
    public TimeSpan Period { get; }

    /// <summary>Takes a token, waiting in line for at most <paramref name="maxWait"/>.</summary>
    /// <param name="priority">Clinical calls are handed tokens before background work.</param>
    /// <param name="maxWait">The longest this call may wait.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public async ValueTask<BudgetDecision> EnterAsync(RequestPriority priority, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.Zero;
        if (IsLineEmpty())
        {
            wait = await TryTakeAsync().ConfigureAwait(false);
            if (wait == TimeSpan.Zero)
            {
                return BudgetDecision.Go;
            }
        }

        if (_backoff.QuietRemaining() is { } pause && pause > maxWait)
        {
            return BudgetDecision.Paused(pause); // the upstream asked for longer than this call may wait
        }

        var waiter = new Waiter();
        TimeSpan expected;
        lock (_gate)
        {
            expected = wait + (Period * Ahead(priority));
            if (expected + (Period / 2) <= maxWait) // half a period's margin: a call queued is normally served, not timed out
            {
                (priority == RequestPriority.Background ? _background : _clinical).Enqueue(waiter);
                if (!_pumping)
                {
                    _pumping = true;
                    _ = Task.Run(PumpAsync, CancellationToken.None);
                }
            }
        }

        if (expected + (Period / 2) > maxWait)
        {
            LogRefused(_logger, Name, (int)Math.Ceiling(expected.TotalSeconds));
            return BudgetDecision.Over(expected);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(maxWait);
        using (timeout.Token.Register(static w => ((Waiter)w!).TrySetResult(false), waiter))
        {
            if (await waiter.Task.ConfigureAwait(false))
            {
                return BudgetDecision.Go;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (_backoff.QuietRemaining() is { } paused)
        {
            return BudgetDecision.Paused(paused);
        }

        var retryAfter = Period * (Ahead(priority) + 1);
        LogRefused(_logger, Name, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return BudgetDecision.Over(retryAfter);
    }

    /// <summary>
    /// The upstream asked to be left alone for <paramref name="wait"/> (a 429 or 503 Retry-After): no token is handed out
    /// here until it passes, nor, through the shared bucket, by any other instance.
    /// </summary>
    public void Pause(TimeSpan wait)
    {
        _backoff.RememberRetryAfter(wait);
        LogPaused(_logger, Name, wait.TotalMilliseconds);
        if (_shared is { IsAvailable: true } shared)
        {
            _ = PauseSharedAsync(shared, wait);
        }
    }

    public void Dispose() => _local.Dispose();

    private async Task PauseSharedAsync(ISharedRequestBudget shared, TimeSpan wait)
    {
        try
        {
            await shared.PauseAsync(Name, wait).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogSharedUnavailable(_logger, Name, e.GetType().Name);
        }
    }

    /// <summary>Zero when a token was taken; otherwise how long until one is due.</summary>
    private async ValueTask<TimeSpan> TryTakeAsync()
    {
        if (_backoff.QuietRemaining() is { } pause)
        {
            return pause;
        }

        if (_shared is { IsAvailable: true } shared)
        {
            try
            {
                return await shared.TryTakeAsync(Name, Limits).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                LogSharedUnavailable(_logger, Name, e.GetType().Name); // Redis down: this instance's own bucket meanwhile
            }
        }

        _local.TryReplenish();
        using var lease = _local.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return TimeSpan.Zero;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : Period;
    }

    /// <summary>Hands tokens to the waiting calls, first come first served within a priority, until none is left.</summary>
    private async Task PumpAsync()
    {
        var woke = false; // the last sleep was for a token that should now be due
        while (true)
        {
            lock (_gate)
            {
                Prune(_clinical);
                Prune(_background);
                if (_clinical.Count == 0 && _background.Count == 0)
                {
                    _pumping = false;
                    return;
                }
            }

            TimeSpan wait;
            try
            {
                wait = await TryTakeAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                LogSharedUnavailable(_logger, Name, e.GetType().Name);
                wait = MaxPoll;
            }

            if (wait == TimeSpan.Zero)
            {
                HandOver();
                woke = false;
                continue;
            }

            // The bucket's Retry-After is whole periods: a wake-up a fraction of a millisecond early would otherwise sleep a
            // whole period more (measured: a third of PDS's 5/s lost that way). Just after waking, poll once briefly instead;
            // a token still not due after that is waited for in full.
            var shortPoll = woke && wait <= Period;
            await Task.Delay(shortPoll ? MinPoll : wait < MinPoll ? MinPoll : wait > MaxPoll ? MaxPoll : wait).ConfigureAwait(false);
            woke = !shortPoll;
        }
    }

    /// <summary>
    /// Gives a token to the first call still waiting, clinical first (a call that gave up meanwhile is skipped). The
    /// waiter's continuation runs here, at once, so the call is sent as soon as its token is taken.
    /// </summary>
    private void HandOver()
    {
        while (true)
        {
            Waiter? next;
            lock (_gate)
            {
                if (!_clinical.TryDequeue(out next) && !_background.TryDequeue(out next))
                {
                    return;
                }
            }

            if (next.TrySetResult(true))
            {
                return;
            }
        }
    }

    private bool IsLineEmpty()
    {
        lock (_gate)
        {
            return _clinical.Count == 0 && _background.Count == 0;
        }
    }

    /// <summary>Calls that would be served before one of <paramref name="priority"/> (under the lock).</summary>
    private int Ahead(RequestPriority priority) =>
        _clinical.Count + (priority == RequestPriority.Background ? _background.Count : 0);

    private static void Prune(Queue<Waiter> line)
    {
        while (line.TryPeek(out var head) && head.Task.IsCompleted)
        {
            line.Dequeue();
        }
    }

    /// <summary>A call waiting for a token; completed outside the lock, its continuation runs on the completing thread.</summary>
    private sealed class Waiter() : TaskCompletionSource<bool>(TaskCreationOptions.None);
}
