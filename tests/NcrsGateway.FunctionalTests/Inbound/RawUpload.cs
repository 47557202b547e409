using System.Net.Sockets;
using System.Text;

namespace NcrsGateway.FunctionalTests.Inbound;

/// <summary>
/// Uploads a large body over a plain socket, produced 16 KiB at a time and never held whole, while a reader
/// collects whatever the server answers. Sending stops as soon as the server has answered and closed (or the
/// connection breaks), so <see cref="Result.Sent"/> shows how much the server let in. Chunked (no
/// Content-Length) unless <c>declareLength</c>. HttpClient cannot be used here: it reports a broken pipe instead
/// of the early answer.
/// </summary>
internal static class RawUpload
{
    private const int ChunkBytes = 16 * 1024;

    public static async Task<Result> PostAsync(Uri server, string path, string? bearer, string mediaType, string prefix, long total, bool declareLength)
    {
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // never a pass/fail criterion: only stops a hung test
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { SendBufferSize = 64 * 1024, NoDelay = true };
        await socket.ConnectAsync(server.Host, server.Port, hangGuard.Token);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var head = new StringBuilder()
            .Append($"POST /{path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: {mediaType}\r\nConnection: close\r\n")
            .Append(bearer is null ? string.Empty : $"Authorization: Bearer {bearer}\r\n")
            .Append(declareLength ? $"Content-Length: {total}\r\n" : "Transfer-Encoding: chunked\r\n")
            .Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), hangGuard.Token);

        var answer = new MemoryStream();
        var reading = ReadAllAsync(stream, answer, hangGuard.Token);
        long sent = 0;
        var filler = Encoding.ASCII.GetBytes(prefix.PadRight(ChunkBytes, 'a'));
        try
        {
            while (sent < total && !reading.IsCompleted)
            {
                var n = (int)Math.Min(filler.Length, total - sent);
                if (!declareLength)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{n:x}\r\n"), hangGuard.Token);
                }

                await stream.WriteAsync(filler.AsMemory(0, n), hangGuard.Token);
                if (!declareLength)
                {
                    await stream.WriteAsync("\r\n"u8.ToArray(), hangGuard.Token);
                }

                sent += n;
                filler = Encoding.ASCII.GetBytes(new string('a', ChunkBytes));
            }

            if (!declareLength && sent == total)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), hangGuard.Token);
            }
        }
        catch (IOException)
        {
            // the server closed the connection while we were still sending: expected once it has refused the body
        }

        await reading;
        return new Result(Encoding.UTF8.GetString(answer.ToArray()), sent, total);
    }

    private static async Task ReadAllAsync(NetworkStream stream, MemoryStream into, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                into.Write(buffer, 0, n);
            }
        }
        catch (IOException)
        {
            // reset after the answer: what arrived before it is kept
        }
    }

    /// <summary>The raw HTTP answer, and how many body bytes were sent of how many.</summary>
    internal sealed record Result(string Response, long Sent, long Total)
    {
        public string StatusLine => Response.Split("\r\n")[0];
    }
}
