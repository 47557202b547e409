using NcrsGateway.Core.Adapters;

namespace NcrsGateway.Sandbox.Host;

/// <summary>
/// Checked on start (<see cref="SandboxSimulatorCoverageValidator"/>): every registered <see cref="AdapterDescriptor"/> has a
/// running simulator, matched by <see cref="AdapterDescriptor.SimulatorName"/>. An adapter without one would call a real
/// service from the sandbox. Nothing is bound: the options type only carries the check into start-up validation.
/// </summary>
internal sealed class SandboxSimulatorCoverage;
