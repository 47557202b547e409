using Microsoft.Extensions.Configuration;
using WireMock.Server;

namespace NcrsGateway.Sandbox;

/// <summary>
/// A simulated national API that stands in for one adapter in the sandbox. Registered with <c>services.AddXxxSimulator()</c>
/// (<c>TryAddEnumerable</c>); the sandbox host starts every registered one on its loopback WireMock server and applies its
/// settings before the adapters register. Linked to its adapter by name: <see cref="Name"/> is the adapter's
/// <c>AdapterDescriptor.SimulatorName</c> (adapters never reference WireMock, so the descriptor cannot hold a factory).
/// </summary>
public interface ISandboxSimulator
{
    /// <summary>The adapter it stands in for: its descriptor's <c>SimulatorName</c>, e.g. <c>pds</c>.</summary>
    string Name { get; }

    /// <summary>The adapter's configuration section (its descriptor's <c>ConfigurationSection</c>), e.g. <c>Adapters:Pds</c>.</summary>
    string ConfigurationSection { get; }

    /// <summary>
    /// Keys under <see cref="ConfigurationSection"/> that point the adapter at a real service (e.g. <c>BaseUrl</c>): the
    /// sandbox refuses to start when any is configured, since the sandbox never runs beside real upstreams.
    /// </summary>
    IReadOnlyList<string> RealServiceKeys { get; }

    /// <summary>Adds its stubs to <paramref name="server"/>, under the path the real service uses.</summary>
    void Register(WireMockServer server);

    /// <summary>
    /// The settings that point the adapter at this simulator, as keys relative to <see cref="ConfigurationSection"/>
    /// (e.g. <c>BaseUrl</c>, <c>AccessToken</c>).
    /// </summary>
    /// <param name="serverBaseUrl">The WireMock server's root, e.g. <c>http://127.0.0.1:41234/</c>.</param>
    /// <param name="configured">The adapter's section as configured so far (a configured access token is kept).</param>
    IReadOnlyDictionary<string, string?> Settings(Uri serverBaseUrl, IConfigurationSection configured);
}
