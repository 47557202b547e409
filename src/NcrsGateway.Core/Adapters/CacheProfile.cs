namespace NcrsGateway.Core.Adapters;

/// <summary>
/// How long an adapter's answers may be cached and which resource types may be; <see cref="NeverCache"/> for clinical
/// content, which the cache refuses whatever else asks.
/// </summary>
public sealed record CacheProfile(TimeSpan TimeToLive, IReadOnlyList<string> ResourceTypes)
{
    /// <summary>Clinical content: never stored by the gateway.</summary>
    public static CacheProfile NeverCache { get; } = new(TimeSpan.Zero, []);

    public bool Allows(string resourceType) =>
        TimeToLive > TimeSpan.Zero && ResourceTypes.Contains(resourceType, StringComparer.Ordinal);
}
