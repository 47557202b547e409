using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace NcrsGateway.FunctionalTests.Inbound;

/// <summary>
/// A request body produced as it is sent, 16 KiB at a time, never held whole: <paramref name="prefix"/>, then
/// filler up to <paramref name="total"/> bytes. Without <paramref name="declareLength"/> it goes chunked, with no
/// Content-Length. <see cref="Sent"/> counts what was handed to the connection, so a test can see that the server
/// stopped reading long before the end.
/// </summary>
internal sealed class StreamedBody : HttpContent
{
    public const int ChunkBytes = 16 * 1024;

    private readonly byte[] _prefix;
    private readonly long _total;
    private readonly bool _declareLength;
    private long _sent;

    public StreamedBody(string prefix, long total, string mediaType, bool declareLength = false)
    {
        _prefix = Encoding.UTF8.GetBytes(prefix);
        _total = total;
        _declareLength = declareLength;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType);
    }

    public long Sent => Interlocked.Read(ref _sent);

    public long Total => _total;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_prefix, cancellationToken);
        Interlocked.Add(ref _sent, _prefix.Length);
        var filler = new byte[ChunkBytes];
        Array.Fill(filler, (byte)'a');
        while (Sent < _total)
        {
            var n = (int)Math.Min(ChunkBytes, _total - Sent);
            await stream.WriteAsync(filler.AsMemory(0, n), cancellationToken);
            Interlocked.Add(ref _sent, n);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _total;
        return _declareLength;
    }
}
