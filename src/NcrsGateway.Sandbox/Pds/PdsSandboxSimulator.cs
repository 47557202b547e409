using Microsoft.Extensions.Configuration;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Adapters.Pds;
using WireMock.Server;

namespace NcrsGateway.Sandbox.Pds;

/// <summary>Stands in for the PDS adapter: <see cref="PdsSimulator"/>, with the adapter pointed at it.</summary>
internal sealed class PdsSandboxSimulator : ISandboxSimulator
{
    public string Name => PdsServiceCollectionExtensions.Descriptor.SimulatorName;

    public string ConfigurationSection => PdsServiceCollectionExtensions.Descriptor.ConfigurationSection;

    public IReadOnlyList<string> RealServiceKeys { get; } = [nameof(UpstreamOptions.BaseUrl)];

    public void Register(WireMockServer server) => PdsSimulator.Register(server);

    public IReadOnlyDictionary<string, string?> Settings(Uri serverBaseUrl, IConfigurationSection configured) =>
        SandboxSettings.Upstream(serverBaseUrl, PdsSimulator.BasePath, configured);
}
