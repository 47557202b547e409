using NcrsGateway.Core.Adapters;

namespace NcrsGateway.Core.Tests.Adapters;

public sealed class CacheProfileTests
{
    [Fact]
    public void Allows_ListedTypeWithALifetime_IsTrue() =>
        Assert.True(new CacheProfile("pds", TimeSpan.FromMinutes(5), ["Patient"]).Allows("Patient"));

    [Theory]
    [InlineData("DocumentReference")]
    [InlineData("patient")]
    public void Allows_UnlistedType_IsFalse(string type) =>
        Assert.False(new CacheProfile("pds", TimeSpan.FromMinutes(5), ["Patient"]).Allows(type));

    [Fact]
    public void Never_AllowsNothingAndStaysNeverWhenCopied()
    {
        var never = CacheProfile.Never("immunisation") with { TimeToLive = TimeSpan.FromMinutes(5), ResourceTypes = ["Immunization"] };

        Assert.True(never.NeverCache);
        Assert.False(never.Allows("Immunization"));
    }
}
