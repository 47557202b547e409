using NcrsGateway.Fhir;

namespace NcrsGateway.RecordLocation;

/// <summary>
/// Stands between a document and the caller when the request is conditional (<c>If-None-Match</c>, <c>If-Modified-Since</c>):
/// before the first byte goes out it compares the repository's <c>ETag</c> / <c>Last-Modified</c> (already set on the
/// response) with the request, and when the caller's copy is current it stops the transfer so the caller gets 304.
/// </summary>
internal sealed class NotModifiedGateStream(HttpContext http, Stream inner) : Stream
{
    private bool _checked;

    /// <summary>The caller's copy is current: answer 304, nothing was sent.</summary>
    public bool NotModified { get; private set; }

    /// <summary>The response headers when the transfer was stopped (the forwarder clears them on the way out).</summary>
    public IReadOnlyList<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> Headers { get; private set; } = [];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Check();
        inner.Write(buffer, offset, count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Check();
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Check()
    {
        if (_checked)
        {
            return;
        }

        _checked = true;
        var headers = http.Response.Headers;
        DateTimeOffset? lastModified = DateTimeOffset.TryParse(headers.LastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        if (http.Response.StatusCode == StatusCodes.Status200OK && ConditionalRequests.IsNotModified(http.Request, headers.ETag.FirstOrDefault(), lastModified))
        {
            NotModified = true;
            Headers = [.. headers];
            throw new IOException("The caller's copy of the document is current.");
        }
    }
}
