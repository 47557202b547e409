namespace NcrsGateway.Audit.Tests;

public sealed class AuditRetryBackoffTests
{
    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(3, 4000)]
    [InlineData(4, 5000)]
    [InlineData(40, 5000)]
    [InlineData(int.MaxValue, 5000)]
    public void Delay_DoublesAfterEachFailedRetry_UpToTheCap(int failures, int expectedMilliseconds)
    {
        var delay = AuditRetryBackoff.Delay(failures, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), delay);
    }
}
