using Microsoft.Extensions.Configuration;
using NcrsGateway.Adapters.Documents;
using WireMock.Server;

namespace NcrsGateway.Sandbox.Nrl;

/// <summary>
/// Stands in for the documents adapter: <see cref="DocumentRepositorySimulator"/>, the repository the sandbox pointers
/// locate. Its host (the simulators' loopback port) joins the allow-list, over plain HTTP. An allowed host or an SSP
/// proxy configured beside it would reach real repositories, so the sandbox refuses them.
/// </summary>
internal sealed class DocumentRepositorySandboxSimulator : ISandboxSimulator
{
    public string Name => DocumentsServiceCollectionExtensions.Descriptor.SimulatorName;

    public string ConfigurationSection => DocumentsServiceCollectionExtensions.Descriptor.ConfigurationSection;

    public IReadOnlyList<string> RealServiceKeys { get; } =
        [nameof(DocumentsOptions.AllowedHosts), nameof(DocumentsOptions.SspBaseUrl), nameof(DocumentsOptions.SspFromAsid)];

    public void Register(WireMockServer server) => DocumentRepositorySimulator.Register(server);

    public IReadOnlyDictionary<string, string?> Settings(Uri serverBaseUrl, IConfigurationSection configured)
    {
        ArgumentNullException.ThrowIfNull(serverBaseUrl);
        ArgumentNullException.ThrowIfNull(configured);
        var next = configured.GetSection(nameof(DocumentsOptions.AllowedHosts)).GetChildren().Count(); // after any (empty) entries
        return new Dictionary<string, string?>
        {
            [$"{nameof(DocumentsOptions.AllowedHosts)}:{next}"] = new Uri(serverBaseUrl, DocumentRepositorySimulator.BasePath).Authority,
            [nameof(DocumentsOptions.AllowHttp)] = "true",
        };
    }
}
