using System.Net;
using System.Net.Sockets;
using NcrsGateway.Sandbox.Nrl;
using WireMock.Server;
using WireMock.Settings;

namespace NcrsGateway.Sandbox;

/// <summary>
/// Simulated national APIs on one local WireMock.Net server: used by <c>dotnet run</c> when no upstream
/// base URL is configured, and by the tests. Each simulator registers its own routes under the same
/// base path the real service uses.
/// </summary>
public sealed class SandboxUpstreams : IDisposable
{
    private SandboxUpstreams(WireMockServer server) => Server = server;

    /// <summary>The underlying server, for tests that add faults or count calls.</summary>
    public WireMockServer Server { get; }

    public Uri BaseUrl => new(Server.Url!);

    public Uri PdsBaseUrl => new(BaseUrl, PdsSimulator.BasePath);

    public Uri NrlBaseUrl => new(BaseUrl, NrlSimulator.BasePath);

    public Uri DocumentsBaseUrl => new(BaseUrl, DocumentRepositorySimulator.BasePath);

    public Uri ImmunisationBaseUrl => new(BaseUrl, ImmunisationSimulator.BasePath);

    /// <summary>Starts the simulators on 127.0.0.1 only, on <paramref name="port"/> or (0) a free one.</summary>
    public static SandboxUpstreams Start(int port = 0)
    {
        var server = StartServer(port);
        var sandbox = new SandboxUpstreams(server);
        PdsSimulator.Register(server);
        NrlSimulator.Register(server);
        DocumentRepositorySimulator.Register(server);
        ImmunisationSimulator.Register(server);
        return sandbox;
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
