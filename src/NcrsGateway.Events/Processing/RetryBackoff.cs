namespace NcrsGateway.Events.Processing;

/// <summary>Wait before the next attempt: <c>RetryDelay</c> doubled per failed attempt, capped at <c>MaxRetryDelay</c>.</summary>
internal static class RetryBackoff
{
    public static TimeSpan After(int attempts, TimeSpan first, TimeSpan max)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var ticks = first.Ticks * (double)(1L << doublings);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
