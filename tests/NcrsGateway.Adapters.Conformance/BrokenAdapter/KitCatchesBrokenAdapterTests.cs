using Xunit.Sdk;

namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

/// <summary>
/// The kit's own tests: each deliberate defect makes the check for it fail (an xunit assertion exception), and only
/// that check, so a failure names the broken obligation.
/// </summary>
public sealed class KitCatchesBrokenAdapterTests
{
    [Fact]
    public async Task Kit_AdapterDroppingCorrelationId_FailsTheCorrelationCheck()
    {
        using var kit = new FlawedProbeConformance(ProbeFlaws.DropsCorrelationId);

        await Assert.ThrowsAnyAsync<XunitException>(kit.Request_CarriesTheCallersCorrelationId);
    }

    [Fact]
    public async Task Kit_AdapterDroppingCorrelationId_StillPassesTheRequestIdChecks()
    {
        using var first = new FlawedProbeConformance(ProbeFlaws.DropsCorrelationId);
        await first.Request_CarriesExactlyOneRequestIdPerLogicalRequest();
        using var second = new FlawedProbeConformance(ProbeFlaws.DropsCorrelationId);
        await second.Retry_After503_ReusesTheRequestId();
    }

    [Fact]
    public async Task Kit_AdapterWithNewRequestIdPerAttempt_FailsTheRetryCheck()
    {
        using var kit = new FlawedProbeConformance(ProbeFlaws.NewRequestIdPerAttempt);

        await Assert.ThrowsAnyAsync<XunitException>(kit.Retry_After503_ReusesTheRequestId);
    }

    [Fact]
    public async Task Kit_AdapterWithNewRequestIdPerAttempt_StillSendsOneIdPerRequest()
    {
        using var kit = new FlawedProbeConformance(ProbeFlaws.NewRequestIdPerAttempt);

        await kit.Request_CarriesExactlyOneRequestIdPerLogicalRequest();
    }

    [Fact]
    public async Task Kit_AdapterSendingUncheckedNhsNumbers_FailsTheInvalidInputCheck()
    {
        using var kit = new FlawedProbeConformance(ProbeFlaws.SendsUncheckedNhsNumber);

        await Assert.ThrowsAnyAsync<XunitException>(kit.InvalidNhsNumber_IsRefusedBeforeAnyCall);
    }

    [Fact]
    public async Task Kit_AdapterLoggingTheNhsNumber_FailsTheLogCheck()
    {
        using var kit = new FlawedProbeConformance(ProbeFlaws.LogsNhsNumber);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(kit.Logs_NeverCarryPatientIdentifiers);
        Assert.DoesNotContain(AdapterConformanceTests<IProbeSource, ProbeResult, ProbeOptions>.ValidNhsNumber, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kit_AdapterIgnoringItsKeyedTokenProvider_FailsTheTokenCheck()
    {
        using var kit = new FlawedProbeConformance(ProbeFlaws.IgnoresKeyedToken);

        await Assert.ThrowsAnyAsync<XunitException>(kit.Request_CarriesTheTokenFromTheKeyedProvider);
    }
}
