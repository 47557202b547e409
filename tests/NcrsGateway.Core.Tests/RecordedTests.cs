using NcrsGateway.Core.Model;

namespace NcrsGateway.Core.Tests;

public sealed class RecordedTests
{
    private static readonly Provenance Pds = new(SourceServices.Pds, DateTimeOffset.UnixEpoch, "2", DateTimeOffset.UnixEpoch, true);

    [Fact]
    public void From_MissingValue_CarriesTheGivenReasonAndProvenance()
    {
        var address = Recorded<string>.From(null, ElementState.Withheld, Pds);

        Assert.False(address.HasValue);
        Assert.Equal(ElementState.Withheld, address.State);
        Assert.Same(Pds, address.Provenance);
    }

    [Fact]
    public void Absent_WithPresentState_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Recorded<string>.Absent(ElementState.Present, Pds));
    }
}
