using System.Net.Sockets;

namespace NcrsGateway.Tests.Infrastructure;

/// <summary>
/// An upstream that accepts each connection, reads the request and closes the connection cleanly (FIN) without
/// answering: the other connection-level fault beside <see cref="ResettingUpstream"/>'s reset.
/// </summary>
public sealed class ClosingUpstream(string basePath) : RawTcpUpstream
{
    private int _requests;

    /// <summary>The API base URL on this listener.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}{basePath}";

    /// <summary>Requests received.</summary>
    public int Requests => Volatile.Read(ref _requests);

    protected override async Task ServeAsync(Socket socket, CancellationToken stop)
    {
        await socket.ReceiveAsync(new byte[8192], SocketFlags.None, stop);
        Interlocked.Increment(ref _requests);
        socket.Shutdown(SocketShutdown.Both);
    }
}
