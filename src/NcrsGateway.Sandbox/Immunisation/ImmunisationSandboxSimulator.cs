using Microsoft.Extensions.Configuration;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Adapters.Immunisation;
using WireMock.Server;

namespace NcrsGateway.Sandbox.Immunisation;

/// <summary>Stands in for the Immunisation adapter: <see cref="ImmunisationSimulator"/>, with the adapter pointed at it.</summary>
internal sealed class ImmunisationSandboxSimulator : ISandboxSimulator
{
    public string Name => ImmunisationServiceCollectionExtensions.Descriptor.SimulatorName;

    public string ConfigurationSection => ImmunisationServiceCollectionExtensions.Descriptor.ConfigurationSection;

    public IReadOnlyList<string> RealServiceKeys { get; } = [nameof(UpstreamOptions.BaseUrl)];

    public void Register(WireMockServer server) => ImmunisationSimulator.Register(server);

    public IReadOnlyDictionary<string, string?> Settings(Uri serverBaseUrl, IConfigurationSection configured) =>
        SandboxSettings.Upstream(serverBaseUrl, ImmunisationSimulator.BasePath, configured);
}
