using Microsoft.Extensions.Configuration;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Adapters.Mns;
using WireMock.Server;

namespace NcrsGateway.Sandbox.Mns;

/// <summary>Stands in for the MNS adapter: <see cref="MnsSimulator"/>, with the adapter pointed at it.</summary>
internal sealed class MnsSandboxSimulator : ISandboxSimulator
{
    public string Name => MnsServiceCollectionExtensions.Descriptor.SimulatorName;

    public string ConfigurationSection => MnsServiceCollectionExtensions.Descriptor.ConfigurationSection;

    public IReadOnlyList<string> RealServiceKeys { get; } = [nameof(UpstreamOptions.BaseUrl)];

    public void Register(WireMockServer server) => MnsSimulator.Register(server);

    public IReadOnlyDictionary<string, string?> Settings(Uri serverBaseUrl, IConfigurationSection configured) =>
        SandboxSettings.Upstream(serverBaseUrl, MnsSimulator.BasePath, configured);
}
