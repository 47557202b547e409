using Microsoft.Extensions.Options;
using NcrsGateway.Core.Adapters;

namespace NcrsGateway.Caching;

/// <summary>
/// Every cache profile this gateway knows, by name: those of the registered <see cref="AdapterDescriptor"/>s (only
/// configured adapters register one) and any registered as a <see cref="CacheProfile"/> service (a feature's own).
/// An operator's <c>Cache:TimeToLive:{name}</c> replaces a profile's lifetime; a <see cref="CacheProfile.NeverCache"/>
/// profile stays never-cached whatever is set. A name no one registered is unknown, and refused.
/// </summary>
internal sealed class CacheProfiles
{
    private readonly Dictionary<string, CacheProfile> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byPort = [];
    private readonly IOptionsMonitor<CacheOptions> _options;

    public CacheProfiles(IEnumerable<AdapterDescriptor> descriptors, IEnumerable<CacheProfile> registered, IOptionsMonitor<CacheOptions> options)
    {
        _options = options;
        foreach (var descriptor in descriptors)
        {
            Add(descriptor.CacheProfile, descriptor.Name);
            _byPort.TryAdd(descriptor.Port, descriptor.CacheProfile.Name);
        }

        foreach (var profile in registered)
        {
            Add(profile, "a registered profile");
        }
    }

    /// <summary>The names of every known profile.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>The profile of the adapter that implements <typeparamref name="TPort"/>; null when none is configured.</summary>
    public string? NameFor<TPort>() => _byPort.GetValueOrDefault(typeof(TPort));

    /// <summary>The profile named <paramref name="name"/> with the operator's lifetime applied; null when unknown.</summary>
    public CacheProfile? Find(string name)
    {
        if (!_byName.TryGetValue(name, out var profile))
        {
            return null;
        }

        return !profile.NeverCache && _options.CurrentValue.TimeToLiveFor(name) is { } configured
            ? profile with { TimeToLive = configured }
            : profile;
    }

    /// <summary>The profile an entry is stored under; throws <see cref="NotCacheableException"/> when it is unknown or never cached.</summary>
    public CacheProfile Require(string name)
    {
        var profile = Find(name) ?? throw new NotCacheableException($"no cache profile is named '{name}'");
        return profile.NeverCache || profile.TimeToLive <= TimeSpan.Zero
            ? throw new NotCacheableException($"the '{name}' profile is never cached (clinical content)")
            : profile;
    }

    private void Add(CacheProfile profile, string owner)
    {
        if (!_byName.TryAdd(profile.Name, profile) && _byName[profile.Name] != profile)
        {
            throw new InvalidOperationException($"Two cache profiles are named '{profile.Name}' ({owner} is the second): each profile needs its own name.");
        }
    }
}
