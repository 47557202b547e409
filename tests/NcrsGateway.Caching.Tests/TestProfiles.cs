using Microsoft.Extensions.Options;
using NcrsGateway.Core.Adapters;

namespace NcrsGateway.Caching.Tests;

/// <summary>Descriptors and profiles shaped like the real adapters', without referencing any adapter.</summary>
internal static class TestProfiles
{
    public static readonly CacheProfile Demographics = new("pds", TimeSpan.FromMinutes(5), ["Patient"]);
    public static readonly CacheProfile Pointers = new("nrl", TimeSpan.FromMinutes(2), ["DocumentReference"]);
    public static readonly CacheProfile Clinical = CacheProfile.Never("immunisation");

    public static AdapterDescriptor Descriptor(CacheProfile profile, Type? port = null) =>
        new(profile.Name, "Adapters:" + profile.Name, port ?? typeof(object), [], profile);

    public static IReadOnlyList<AdapterDescriptor> All =>
        [Descriptor(Demographics, typeof(IDemographics)), Descriptor(Pointers, typeof(IPointers)), Descriptor(Clinical, typeof(IClinical))];

    public static CacheProfiles Profiles(CacheOptions? options = null, params CacheProfile[] registered) =>
        new(All, registered, new FixedOptions(options ?? new CacheOptions()));

    /// <summary>Stand-ins for the Core ports the descriptors name.</summary>
    internal interface IDemographics;

    internal interface IPointers;

    internal interface IClinical;

    private sealed class FixedOptions(CacheOptions value) : IOptionsMonitor<CacheOptions>
    {
        public CacheOptions CurrentValue => value;

        public CacheOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<CacheOptions, string?> listener) => null;
    }
}
