namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

/// <summary>Settings of the probe adapter, bound from <c>Adapters:Probe</c>.</summary>
public sealed class ProbeOptions : UpstreamOptions
{
    public const string SectionName = "Adapters:Probe";
}
