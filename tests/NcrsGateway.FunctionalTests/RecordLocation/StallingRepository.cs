using System.Net.Sockets;
using System.Text;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.FunctionalTests.RecordLocation;

/// <summary>
/// A document repository that answers every request with a 200 and its headers, sends the first
/// <see cref="BodyPrefix"/> bytes of the body (none by default) and then goes silent, holding the connection
/// open until disposed. WireMock.Net can only delay a whole response, not stall in the middle of a body.
/// </summary>
internal sealed class StallingRepository(int bodyPrefix = 0, bool chunked = false) : RawTcpUpstream
{
    private int _requests;

    /// <summary>How many body bytes are sent before the stall (of a declared 100 000).</summary>
    public int BodyPrefix { get; } = bodyPrefix;

    /// <summary>Send the body chunked (no Content-Length) rather than with <c>Content-Length: 100000</c>.</summary>
    public bool Chunked { get; } = chunked;

    public string Authority => $"127.0.0.1:{Port}";

    public string Url(string path) => $"http://{Authority}{path}";

    public int Requests => Volatile.Read(ref _requests);

    protected override async Task ServeAsync(Socket socket, CancellationToken stop)
    {
        await socket.ReceiveAsync(new byte[16384], SocketFlags.None, stop);
        Interlocked.Increment(ref _requests);
        var head = "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n"
            + (Chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: 100000\r\n") + "\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, stop);
        if (BodyPrefix > 0)
        {
            var body = new byte[BodyPrefix];
            Array.Fill(body, (byte)'%');
            var framed = Chunked
                ? [.. Encoding.ASCII.GetBytes($"{BodyPrefix:X}\r\n"), .. body, .. "\r\n"u8.ToArray()]
                : body;
            await socket.SendAsync(framed, SocketFlags.None, stop);
        }

        await Task.Delay(Timeout.Infinite, stop); // silent, connection held open until the test disposes the repository
    }
}
