using NcrsGateway.Core.Model;

namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

/// <summary>What the probe adapter maps: the patient's name, with its provenance.</summary>
public sealed record ProbeResult(Recorded<string> Name);
