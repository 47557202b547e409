using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace NcrsGateway.Tests.Infrastructure;

/// <summary>
/// An upstream that answers every request at once with <c>200</c> headers and then trickles the body a few bytes at a
/// time with a pause between (a "slow drip"). WireMock.Net can only delay the whole response, not the body.
/// </summary>
public sealed class SlowDripUpstream : RawTcpUpstream
{
    private readonly byte[] _body;
    private readonly int _bytesPerDrip;
    private readonly TimeSpan _pause;
    private readonly string _basePath;
    private int _requests;

    /// <param name="basePath">The API base path, e.g. <c>/personal-demographics/FHIR/R4/</c>.</param>
    /// <param name="body">The body sent, as application/fhir+json with its true Content-Length.</param>
    /// <param name="bytesPerDrip">Bytes sent at a time.</param>
    /// <param name="pause">Pause before each drip.</param>
    public SlowDripUpstream(string basePath, string body, int bytesPerDrip, TimeSpan pause)
    {
        _basePath = basePath;
        _body = Encoding.UTF8.GetBytes(body);
        _bytesPerDrip = bytesPerDrip;
        _pause = pause;
    }

    public string BaseUrl => $"http://127.0.0.1:{Port}{_basePath}";

    /// <summary>Requests received (each on its own connection).</summary>
    public int Requests => Volatile.Read(ref _requests);

    protected override async Task ServeAsync(Socket socket, CancellationToken stop)
    {
        await ReadRequestHeadAsync(socket, stop);
        Interlocked.Increment(ref _requests);
        var head = "HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nConnection: close\r\n"
            + $"Content-Length: {_body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, stop);
        for (var sent = 0; sent < _body.Length; sent += _bytesPerDrip)
        {
            await Task.Delay(_pause, stop);
            await socket.SendAsync(_body.AsMemory(sent, Math.Min(_bytesPerDrip, _body.Length - sent)), SocketFlags.None, stop);
        }
    }

    private static async Task ReadRequestHeadAsync(Socket socket, CancellationToken stop)
    {
        var seen = new List<byte>();
        var buffer = new byte[4096];
        while (seen.Count < 65_536)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, stop);
            if (read == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            seen.AddRange(buffer.AsSpan(0, read));
            if (Encoding.ASCII.GetString(seen.ToArray()).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                return; // a request body (NRL's POST search) is left unread: the answer does not depend on it
            }
        }
    }
}
