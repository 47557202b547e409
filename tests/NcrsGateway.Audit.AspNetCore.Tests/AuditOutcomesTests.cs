using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Audit.AspNetCore.Tests;

/// <summary>The audit row's outcome for a request that ended without an exception or a written OperationOutcome: from its status alone.</summary>
public sealed class AuditOutcomesTests
{
    [Theory]
    [InlineData(200)]
    [InlineData(304)]
    public void Of_SuccessStatus_IsASuccessWithNoCode(int status)
    {
        var (outcome, category, code) = AuditOutcomes.Of(status, written: null, exception: null);

        Assert.Equal(AuditOutcome.Success, outcome);
        Assert.Null(category);
        Assert.Null(code);
    }

    [Theory]
    [InlineData(401, "unauthenticated")]
    [InlineData(403, "access-denied")]
    [InlineData(404, "not-found")]
    [InlineData(405, "method-not-allowed")]
    [InlineData(413, "request-too-large")]
    [InlineData(429, "rate-limited")]
    [InlineData(418, "invalid-request")]
    [InlineData(502, "upstream-error")]
    [InlineData(503, "upstream-unavailable")]
    [InlineData(504, "upstream-timeout")]
    [InlineData(500, "internal-error")]
    public void Of_BareErrorStatus_RecordsTheTaxonomyCodeForThatStatus(int status, string expected)
    {
        var (outcome, _, code) = AuditOutcomes.Of(status, written: null, exception: null);

        Assert.Equal(AuditOutcome.Failure, outcome);
        Assert.Equal(expected, code);
    }

    [Fact]
    public void Of_WrittenOperationOutcome_WinsOverTheStatus()
    {
        var (_, _, code) = AuditOutcomes.Of(400, GatewayErrors.InvalidNhsNumber, exception: null);

        Assert.Equal(GatewayErrors.InvalidNhsNumber.Code, code);
    }
}
