using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NcrsGateway.FunctionalTests.Binary;

/// <summary>
/// A document repository that answers every request with a 200 and its headers, sends the first
/// <see cref="BodyPrefix"/> bytes of the body (none by default) and then goes silent, holding the connection
/// open until disposed. WireMock.Net can only delay a whole response, not stall in the middle of a body.
/// </summary>
internal sealed class StallingRepository : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _held = [];
    private int _requests;

    public StallingRepository(int bodyPrefix = 0, bool chunked = false)
    {
        BodyPrefix = bodyPrefix;
        Chunked = chunked;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    /// <summary>How many body bytes are sent before the stall (of a declared 100 000).</summary>
    public int BodyPrefix { get; }

    /// <summary>Send the body chunked (no Content-Length) rather than with <c>Content-Length: 100000</c>.</summary>
    public bool Chunked { get; }

    public string Authority => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public string Url(string path) => $"http://{Authority}{path}";

    public int Requests => Volatile.Read(ref _requests);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_held)
                {
                    _held.Add(socket);
                }

                await socket.ReceiveAsync(new byte[16384], SocketFlags.None, _stop.Token);
                Interlocked.Increment(ref _requests);
                var head = "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n"
                    + (Chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: 100000\r\n") + "\r\n";
                await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, _stop.Token);
                if (BodyPrefix > 0)
                {
                    var body = new byte[BodyPrefix];
                    Array.Fill(body, (byte)'%');
                    var framed = Chunked
                        ? [.. Encoding.ASCII.GetBytes($"{BodyPrefix:X}\r\n"), .. body, .. "\r\n"u8.ToArray()]
                        : body;
                    await socket.SendAsync(framed, SocketFlags.None, _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_held)
        {
            foreach (var socket in _held)
            {
                socket.Dispose();
            }
        }

        _stop.Dispose();
    }
}
