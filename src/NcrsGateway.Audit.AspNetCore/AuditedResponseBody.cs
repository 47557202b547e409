using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>Response body feature of an audited request: stream, writer, start and send-file all wait for the audit row first.</summary>
internal sealed class AuditedResponseBody(IHttpResponseBodyFeature inner, AuditGate gate) : IHttpResponseBodyFeature
{
    private readonly AuditGateStream _stream = new(inner.Stream, gate);
    private PipeWriter? _writer;

    public Stream Stream => _stream;

    public PipeWriter Writer => _writer ??= PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering() => inner.DisableBuffering();

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await gate.EnsureRecordedAsync().ConfigureAwait(false);
        await inner.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await gate.EnsureRecordedAsync().ConfigureAwait(false);
        await inner.SendFileAsync(path, offset, count, cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync()
    {
        await FlushWriterAsync().ConfigureAwait(false);
        await gate.EnsureRecordedAsync().ConfigureAwait(false);
        await inner.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>Pushes anything an endpoint left in <see cref="Writer"/> through the gate before the original feature is restored.</summary>
    public async Task FlushWriterAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync().ConfigureAwait(false);
        }
    }
}
