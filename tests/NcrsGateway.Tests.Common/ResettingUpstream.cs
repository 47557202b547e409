using System.Net;
using System.Net.Sockets;

namespace NcrsGateway.Tests.Common;

/// <summary>
/// An upstream that accepts each connection, reads the request and resets the connection (TCP RST) without
/// answering. WireMock.Net's faults answer with an empty or malformed response instead, which is not a reset.
/// </summary>
public sealed class ResettingUpstream : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public ResettingUpstream()
    {
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{UpstreamPaths.Pds}";

    /// <summary>Requests received (each on its own connection, since every one is reset).</summary>
    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            using (socket)
            {
                var buffer = new byte[8192];
                try
                {
                    await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    Interlocked.Increment(ref _connections);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException)
                {
                }

                socket.LingerState = new LingerOption(true, 0); // close with RST, not FIN
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
