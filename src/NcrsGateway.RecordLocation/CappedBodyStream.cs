namespace NcrsGateway.RecordLocation;

/// <summary>
/// Stands in for the response body while a document is fetched to be wrapped in a FHIR Binary: keeps at most
/// <c>limit</c> bytes, and stops the transfer (by failing the write) as soon as the document is larger.
/// </summary>
internal sealed class CappedBodyStream(int limit) : Stream
{
    private readonly MemoryStream _buffer = new();

    /// <summary>The document was larger than the limit: what was kept is incomplete.</summary>
    public bool Overflowed { get; private set; }

    public ReadOnlyMemory<byte> Content => _buffer.GetBuffer().AsMemory(0, (int)_buffer.Length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _buffer.Length;

    public override long Position { get => _buffer.Length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_buffer.Length + buffer.Length > limit)
        {
            Overflowed = true;
            throw new IOException("The document is larger than a FHIR Binary resource may be.");
        }

        _buffer.Write(buffer);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer.Dispose();
        }

        base.Dispose(disposing);
    }
}
