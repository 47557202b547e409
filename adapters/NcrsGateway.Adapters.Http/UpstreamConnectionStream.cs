using System.Net.Http;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// Wraps each upstream connection so a connection closed cleanly before the first byte of an answer fails the call
/// instead of being re-sent. SocketsHttpHandler re-sends a request (up to 3 times) when the connection closes before any
/// response byte, but the upstream may have received and acted on it: with <c>MaxRetries</c> 0 one call must be one
/// request. Re-sending is the resilience pipeline's decision alone (it retries the failure when retries are on).
/// </summary>
internal sealed class UpstreamConnectionStream(Stream inner) : Stream
{
    private long _readSinceWrite = -1; // -1: nothing written yet on this connection

    /// <summary>The <see cref="SocketsHttpHandler.PlaintextStreamFilter"/> every upstream client uses.</summary>
    public static ValueTask<Stream> Filter(SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Stream>(new UpstreamConnectionStream(context.PlaintextStream));

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Length);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count), count);

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer), buffer.Length);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Interlocked.Exchange(ref _readSinceWrite, 0);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Interlocked.Exchange(ref _readSinceWrite, 0);
        inner.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Interlocked.Exchange(ref _readSinceWrite, 0);
        inner.Write(buffer);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A clean end of stream right after a request was written, before any answer byte, is a failed call.</summary>
    private int Counted(int read, int asked)
    {
        if (read > 0)
        {
            Interlocked.Add(ref _readSinceWrite, read);
        }
        else if (asked > 0 && Interlocked.Read(ref _readSinceWrite) == 0)
        {
            throw new IOException("The upstream closed the connection without answering the request.");
        }

        return read;
    }
}
