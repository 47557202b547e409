namespace NcrsGateway.Audit;

/// <summary>Exponential backoff with a cap: <c>initial × 2^(failures−1)</c>, never more than <c>max</c>.</summary>
internal static class AuditRetryBackoff
{
    public static TimeSpan Delay(int failures, TimeSpan initial, TimeSpan max)
    {
        if (failures <= 1)
        {
            return initial <= max ? initial : max;
        }

        var exponent = Math.Min(failures - 1, 30);
        var ticks = initial.Ticks * Math.Pow(2, exponent);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
