namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

/// <summary>The kit bound to a probe adapter with deliberate defects. Internal, so xunit does not run it as a test class.</summary>
internal sealed class FlawedProbeConformance(ProbeFlaws flaws) : ProbeConformanceTests
{
    protected override ProbeFlaws Flaws => flaws;
}
