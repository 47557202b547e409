namespace NcrsGateway.Adapters.Http;

/// <summary>
/// What one upstream asked of this instance: not to be called before a Retry-After passes, and, while its circuit is
/// open, when the breaker will next let a call through. One per typed client (so per upstream), shared by every caller.
/// </summary>
internal sealed class UpstreamBackoff(TimeProvider time, TimeSpan maxRetryAfter)
{
    private long _quietUntilTicks;
    private long _openUntilTicks;

    public TimeProvider Time => time;

    /// <summary>Remembers an upstream Retry-After (cut to the configured maximum); a shorter one never shortens a longer one.</summary>
    public void RememberRetryAfter(TimeSpan wait)
    {
        var until = (time.GetUtcNow() + (wait < maxRetryAfter ? wait : maxRetryAfter)).UtcTicks;
        long current;
        do
        {
            current = Volatile.Read(ref _quietUntilTicks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _quietUntilTicks, until, current) != current);
    }

    /// <summary>How much of a remembered Retry-After is left, or null when the upstream may be called.</summary>
    public TimeSpan? QuietRemaining() => Remaining(Volatile.Read(ref _quietUntilTicks)) is { } left && left > TimeSpan.Zero ? left : null;

    /// <summary>Called when the breaker opens for <paramref name="breakDuration"/>.</summary>
    public void CircuitOpened(TimeSpan breakDuration) => Volatile.Write(ref _openUntilTicks, (time.GetUtcNow() + breakDuration).UtcTicks);

    /// <summary>How long until the open breaker lets a call through (zero when that is already due).</summary>
    public TimeSpan CircuitRemaining() => Remaining(Volatile.Read(ref _openUntilTicks)) is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    private TimeSpan? Remaining(long untilTicks) =>
        untilTicks == 0 ? null : new DateTimeOffset(untilTicks, TimeSpan.Zero) - time.GetUtcNow();
}
