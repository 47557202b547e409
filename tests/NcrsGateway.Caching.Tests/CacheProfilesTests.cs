using NcrsGateway.Core.Adapters;

namespace NcrsGateway.Caching.Tests;

public sealed class CacheProfilesTests
{
    [Fact]
    public void Find_DescriptorProfile_HasTheAdaptersDefaultLifetime()
    {
        var profile = TestProfiles.Profiles().Find("pds");

        Assert.Equal(TimeSpan.FromMinutes(5), profile?.TimeToLive);
        Assert.Equal(["Patient"], profile?.ResourceTypes);
    }

    [Fact]
    public void Find_OperatorLifetime_ReplacesTheDefault()
    {
        var options = new CacheOptions { TimeToLive = { ["nrl"] = TimeSpan.FromSeconds(30) } };

        Assert.Equal(TimeSpan.FromSeconds(30), TestProfiles.Profiles(options).Find("nrl")?.TimeToLive);
    }

    [Theory]
    [InlineData("pds", 61)]
    [InlineData("nrl", 62)]
    public void Find_LegacyTtlKeys_FeedTheirProfiles(string name, int expectedSeconds)
    {
        var options = new CacheOptions { PatientTtl = TimeSpan.FromSeconds(61), PointerTtl = TimeSpan.FromSeconds(62) };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), TestProfiles.Profiles(options).Find(name)?.TimeToLive);
    }

    [Fact]
    public void Find_NewKey_WinsOverTheLegacyKey()
    {
        var options = new CacheOptions { PatientTtl = TimeSpan.FromSeconds(61), TimeToLive = { ["PDS"] = TimeSpan.FromSeconds(9) } };

        Assert.Equal(TimeSpan.FromSeconds(9), TestProfiles.Profiles(options).Find("pds")?.TimeToLive);
    }

    [Fact]
    public void Require_UnknownProfile_IsRefused()
    {
        var error = Assert.Throws<NotCacheableException>(() => TestProfiles.Profiles().Require("third-kind"));

        Assert.Contains("third-kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_NeverCacheProfile_IsRefusedWhateverLifetimeIsSet()
    {
        var options = new CacheOptions { TimeToLive = { ["immunisation"] = TimeSpan.FromMinutes(10) } };

        Assert.Throws<NotCacheableException>(() => TestProfiles.Profiles(options).Require("immunisation"));
        Assert.True(TestProfiles.Profiles(options).Find("immunisation")?.NeverCache);
    }

    [Fact]
    public void Require_RegisteredFeatureProfile_IsKnown()
    {
        var feature = new CacheProfile("feature", TimeSpan.FromSeconds(20), ["Organization"]);

        Assert.Equal(TimeSpan.FromSeconds(20), TestProfiles.Profiles(null, feature).Require("feature").TimeToLive);
    }

    [Fact]
    public void Constructor_TwoDifferentProfilesWithOneName_Throws()
    {
        var clash = new CacheProfile("pds", TimeSpan.FromMinutes(1), ["Organization"]);

        Assert.Throws<InvalidOperationException>(() => TestProfiles.Profiles(null, clash));
    }

    [Fact]
    public void NameFor_Port_IsTheProfileOfTheAdapterServingIt()
    {
        var profiles = TestProfiles.Profiles();

        Assert.Equal("nrl", profiles.NameFor<TestProfiles.IPointers>());
        Assert.Null(profiles.NameFor<IDisposable>());
    }
}
