namespace NcrsGateway.Core.Adapters;

/// <summary>
/// Under which name, for how long and for which resource types the gateway may cache what an adapter (or a feature)
/// returns. Every cache entry names the profile it is stored under; the cache refuses an entry whose profile is unknown,
/// is <see cref="NeverCache"/> (clinical content) or does not list the entry's resource types.
/// </summary>
/// <param name="Name">The profile's name, normally the adapter's (<c>pds</c>); an operator sets its lifetime with <c>Cache:TimeToLive:{Name}</c>.</param>
/// <param name="TimeToLive">Default lifetime of an entry.</param>
/// <param name="ResourceTypes">
/// The content resource types an entry may hold: a searchset Bundle of them (with an OperationOutcome entry) is also allowed.
/// </param>
public sealed record CacheProfile(string Name, TimeSpan TimeToLive, IReadOnlyList<string> ResourceTypes)
{
    /// <summary>Clinical content: never stored by the gateway, whatever lifetime any setting gives it.</summary>
    public bool NeverCache { get; private init; }

    /// <summary>A profile for clinical content: the cache refuses every entry offered under it.</summary>
    public static CacheProfile Never(string name) => new(name, TimeSpan.Zero, []) { NeverCache = true };

    /// <summary>Whether an entry may hold <paramref name="resourceType"/> (as content, not as an envelope).</summary>
    public bool Allows(string resourceType) =>
        !NeverCache && TimeToLive > TimeSpan.Zero && ResourceTypes.Contains(resourceType, StringComparer.Ordinal);
}
