using System.Net;
using NcrsGateway.Adapters.Pds;

namespace NcrsGateway.Adapters.Pds.Tests;

public sealed class PdsResilienceTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(120, true)]
    public void AsksToWaitTooLong_ComparesRetryAfterWithTheLimit(int retryAfterSeconds, bool tooLong)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds));

        Assert.Equal(tooLong, PdsResilience.AsksToWaitTooLong(response, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void AsksToWaitTooLong_NoRetryAfter_AllowsRetry()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        Assert.False(PdsResilience.AsksToWaitTooLong(response, TimeSpan.FromSeconds(2)));
    }
}
