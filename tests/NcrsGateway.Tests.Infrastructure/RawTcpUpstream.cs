using System.Net;
using System.Net.Sockets;

namespace NcrsGateway.Tests.Infrastructure;

/// <summary>
/// A loopback TCP listener for upstream faults WireMock.Net cannot make (resets, stalls, trickled bodies): it accepts
/// every connection and hands it to <see cref="ServeAsync"/>, each on its own task; the socket is closed afterwards.
/// </summary>
public abstract class RawTcpUpstream : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    protected RawTcpUpstream()
    {
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    /// <summary>The listening port on 127.0.0.1.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Answers (or refuses to answer) one connection. Socket errors and the test's end are expected.</summary>
    protected abstract Task ServeAsync(Socket socket, CancellationToken stop);

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

            _ = ServeAndCloseAsync(socket);
        }
    }

    private async Task ServeAndCloseAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await ServeAsync(socket, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // the gateway gave up (closed the connection) or the test ended
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
