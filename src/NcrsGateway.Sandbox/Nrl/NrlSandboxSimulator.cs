using Microsoft.Extensions.Configuration;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Adapters.Nrl;
using WireMock.Server;

namespace NcrsGateway.Sandbox.Nrl;

/// <summary>
/// Stands in for the NRL adapter: <see cref="NrlSimulator"/>, with the adapter pointed at it. Its pointers locate the
/// sandbox repository over plain HTTP, so the adapter is told to accept <c>http</c> content URLs.
/// </summary>
internal sealed class NrlSandboxSimulator : ISandboxSimulator
{
    public string Name => NrlServiceCollectionExtensions.Descriptor.SimulatorName;

    public string ConfigurationSection => NrlServiceCollectionExtensions.Descriptor.ConfigurationSection;

    public IReadOnlyList<string> RealServiceKeys { get; } = [nameof(UpstreamOptions.BaseUrl)];

    public void Register(WireMockServer server) => NrlSimulator.Register(server);

    public IReadOnlyDictionary<string, string?> Settings(Uri serverBaseUrl, IConfigurationSection configured)
    {
        var settings = SandboxSettings.Upstream(serverBaseUrl, NrlSimulator.BasePath, configured);
        settings[nameof(NrlOptions.AllowHttpContentUrls)] = "true";
        return settings;
    }
}
