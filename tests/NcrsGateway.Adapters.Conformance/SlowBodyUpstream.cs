using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NcrsGateway.Adapters.Conformance;

/// <summary>
/// An upstream that sends <c>200</c> headers at once and then one body byte per pause, so only a timeout that covers
/// the body can end the call. WireMock.Net can only delay the whole response, not the body.
/// </summary>
internal sealed class SlowBodyUpstream : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _body;
    private readonly TimeSpan _pause;

    public SlowBodyUpstream(string body, TimeSpan pause)
    {
        _body = Encoding.UTF8.GetBytes(body);
        _pause = pause;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

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

            _ = DripAsync(socket);
        }
    }

    private async Task DripAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var buffer = new byte[8192];
                var seen = new StringBuilder();
                while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                var head = "HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nConnection: close\r\n"
                    + $"Content-Length: {_body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
                await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, _stop.Token);
                for (var sent = 0; sent < _body.Length; sent++)
                {
                    await Task.Delay(_pause, _stop.Token);
                    await socket.SendAsync(_body.AsMemory(sent, 1), SocketFlags.None, _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // the adapter gave up (closed the connection) or the test ended
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
