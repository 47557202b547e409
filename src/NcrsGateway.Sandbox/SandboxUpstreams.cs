using System.Net;
using System.Net.Sockets;
using NcrsGateway.Sandbox.Nrl;
using WireMock.Server;
using WireMock.Settings;

namespace NcrsGateway.Sandbox;

/// <summary>
/// Simulated national APIs on one local WireMock.Net server, bound to 127.0.0.1: started by the sandbox host with every
/// registered <see cref="ISandboxSimulator"/> (and by the tests). Each simulator registers its own routes under the same
/// base path the real service uses. The sandbox host's container owns it: stopped when the app is disposed.
/// </summary>
public sealed class SandboxUpstreams : IDisposable
{
    /// <summary>
    /// Most requests the server remembers (<see cref="WireMockServer.LogEntries"/>, oldest dropped first): enough for a
    /// test to count the calls it just made, while a long-running sandbox host stays flat in memory instead of keeping
    /// every simulated call.
    /// </summary>
    public const int MaxRequestLogCount = 1000;

    private SandboxUpstreams(WireMockServer server, IReadOnlyList<ISandboxSimulator> simulators)
    {
        Server = server;
        Simulators = simulators;
    }

    /// <summary>The underlying server, for tests that add faults or count calls.</summary>
    public WireMockServer Server { get; }

    public Uri BaseUrl => new(Server.Url!);

    /// <summary>The simulators running on <see cref="Server"/>.</summary>
    public IReadOnlyList<ISandboxSimulator> Simulators { get; }

    public Uri PdsBaseUrl => new(BaseUrl, PdsSimulator.BasePath);

    public Uri NrlBaseUrl => new(BaseUrl, NrlSimulator.BasePath);

    public Uri DocumentsBaseUrl => new(BaseUrl, DocumentRepositorySimulator.BasePath);

    public Uri ImmunisationBaseUrl => new(BaseUrl, ImmunisationSimulator.BasePath);

    public Uri MnsBaseUrl => new(BaseUrl, MnsSimulator.BasePath);

    /// <summary>Starts every simulator of this library (<see cref="SandboxSimulators.All"/>) on 127.0.0.1 only, on <paramref name="port"/> or (0) a free one.</summary>
    public static SandboxUpstreams Start(int port = 0) => Start(SandboxSimulators.All, port);

    /// <summary>Starts <paramref name="simulators"/> on one server on 127.0.0.1 only, on <paramref name="port"/> or (0) a free one.</summary>
    public static SandboxUpstreams Start(IReadOnlyList<ISandboxSimulator> simulators, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(simulators);
        var server = StartServer(port);
        try
        {
            foreach (var simulator in simulators)
            {
                simulator.Register(server);
            }
        }
        catch
        {
            server.Stop();
            throw;
        }

        return new SandboxUpstreams(server, simulators);
    }

    public void Dispose() => Server.Stop();

    /// <summary>
    /// WireMock needs an explicit URL to bind loopback only, so a free port is picked first; another process may take
    /// it before WireMock binds, so a picked port is tried again a few times.
    /// </summary>
    private static WireMockServer StartServer(int port)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [$"http://127.0.0.1:{(port == 0 ? FreeLoopbackPort() : port)}"], // loopback only, never every interface
                    StartAdminInterface = false,
                    ReadStaticMappings = false,
                    MaxRequestLogCount = MaxRequestLogCount, // bounded: never every request of a long-running host
                });
            }
            catch (WireMock.Exceptions.WireMockException) when (port == 0 && attempt < 5)
            {
                // the picked port was taken in the meantime: pick another
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
