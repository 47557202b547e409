using Microsoft.Extensions.Options;
using NcrsGateway.Core.Adapters;

namespace NcrsGateway.Sandbox.Host;

/// <summary>Fails the sandbox start, in one line, naming each registered adapter no running simulator stands in for.</summary>
internal sealed class SandboxSimulatorCoverageValidator(IEnumerable<AdapterDescriptor> descriptors, SandboxUpstreams sandbox)
    : IValidateOptions<SandboxSimulatorCoverage>
{
    public ValidateOptionsResult Validate(string? name, SandboxSimulatorCoverage options)
    {
        var simulated = sandbox.Simulators.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var missing = descriptors
            .Where(d => !simulated.Contains(d.SimulatorName))
            .Select(d => $"'{d.Name}' ({d.ConfigurationSection})")
            .ToList();
        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{SandboxHosting.EnabledKey}=true: adapter {string.Join(", ", missing)} has no sandbox simulator, so the sandbox would call a real service. "
                + "Register one with services.AddXxxSimulator() (docs/adding-an-adapter.md), or run src/NcrsGateway");
    }
}
