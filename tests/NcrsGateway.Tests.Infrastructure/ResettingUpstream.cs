using System.Net.Sockets;

namespace NcrsGateway.Tests.Infrastructure;

/// <summary>
/// An upstream that accepts each connection, reads the request and resets the connection (TCP RST) without
/// answering. WireMock.Net's faults answer with an empty or malformed response instead, which is not a reset.
/// </summary>
public sealed class ResettingUpstream(string basePath) : RawTcpUpstream
{
    private int _connections;

    /// <summary>The API base URL on this listener, e.g. <c>http://127.0.0.1:{port}/personal-demographics/FHIR/R4/</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}{basePath}";

    /// <summary>Requests received (each on its own connection, since every one is reset).</summary>
    public int Connections => Volatile.Read(ref _connections);

    protected override async Task ServeAsync(Socket socket, CancellationToken stop)
    {
        try
        {
            await socket.ReceiveAsync(new byte[8192], SocketFlags.None, stop);
            Interlocked.Increment(ref _connections);
        }
        finally
        {
            socket.LingerState = new LingerOption(true, 0); // close with RST, not FIN
        }
    }
}
