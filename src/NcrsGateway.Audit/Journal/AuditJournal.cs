using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using NcrsGateway.Audit.Storage;
using NcrsGateway.Storage;

namespace NcrsGateway.Audit.Journal;

/// <summary>
/// The write-ahead journal: append-only segment files (<c>audit-journal-NNNNNNNNNN.log</c>, one JSON row per
/// line, patient already encrypted) in the data directory. One writer thread appends every waiting row and
/// then fsyncs once (group commit), so an acknowledged append is on disk. A segment is deleted once it is no
/// longer written to and every row in it has been stored.
/// The writer is a dedicated thread, not a thread-pool task: it blocks in <c>fsync</c>, and on a small machine a
/// blocked pool thread (or a writer queued behind busy request work) stretches every request's wait for its group.
/// </summary>
internal sealed class AuditJournal : IAsyncDisposable
{
    public const string FilePrefix = "audit-journal-";
    public const string FileSuffix = ".log";
    private const long SegmentBytes = 1024 * 1024;
    private const int MaxGroup = 1024;

    private readonly string _directory;
    private readonly Action<JournalEntry> _onDurable;
    // Synchronous continuations: an append wakes the blocked writer thread directly, not through a thread-pool hop.
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private readonly Dictionary<long, int> _outstanding = [];
    private readonly Lock _gate = new();
    private long _current = 1;
    private FileStream? _stream;
    private Thread? _writerThread;
    private readonly TaskCompletionSource _writerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;

    /// <param name="onDurable">Called by the writer for each row after its fsync and before its append returns.</param>
    public AuditJournal(string directory, Action<JournalEntry> onDurable)
    {
        _directory = directory;
        _onDurable = onDurable;
        PrivateFiles.CreateDirectory(directory);
    }

    /// <summary>Lines that could not be read back at start (a torn last line of a crashed process: never acknowledged).</summary>
    public int TornLines { get; private set; }

    /// <summary>Reads every existing segment and registers its rows as outstanding. Call once, before <see cref="Start"/>.</summary>
    public IReadOnlyList<JournalEntry> LoadExisting()
    {
        var entries = new List<JournalEntry>();
        long highest = 0;
        foreach (var (segment, path) in Segments())
        {
            highest = Math.Max(highest, segment);
            var count = 0;
            foreach (var line in File.ReadLines(path))
            {
                if (TryParse(line) is { } row)
                {
                    entries.Add(new JournalEntry(row, segment, Replayed: true));
                    count++;
                }
                else if (line.Length > 0)
                {
                    TornLines++;
                }
            }

            lock (_gate)
            {
                if (count == 0)
                {
                    Try(() => File.Delete(path));
                }
                else
                {
                    _outstanding[segment] = count;
                }
            }
        }

        _current = Math.Max(_current, highest + 1);
        return entries;
    }

    public void Start()
    {
        if (_writerThread is not null)
        {
            return;
        }

        _writerThread = new Thread(WriteLoop) { IsBackground = true, Name = "audit-journal" };
        _writerThread.Start();
    }

    /// <summary>Appends the row and returns once it is flushed to disk. Throws if it could not be.</summary>
    public Task AppendAsync(AuditRow row, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(row, AuditJsonContext.Default.AuditRow);
        var pending = new Pending(row, line, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The audit journal is closed.");
        }

        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Writes and fsyncs an empty line (skipped when read back): tells whether the journal can be written again after
    /// <see cref="Failure"/> (space returned, filesystem writable again). Throws if it still cannot.
    /// </summary>
    public Task ProbeAsync(CancellationToken cancellationToken)
    {
        var pending = new Pending(null, [], new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The audit journal is closed.");
        }

        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The error of the last write when it failed (disk full, read-only filesystem); null once a write succeeds again.</summary>
    public Exception? Failure
    {
        get => Volatile.Read(ref _failure);
        private set => Volatile.Write(ref _failure, value);
    }

    /// <summary>Rows of <paramref name="segment"/> are now in the store; deletes the segment file when none remain.</summary>
    public void MarkStored(long segment, int count)
    {
        lock (_gate)
        {
            if (!_outstanding.TryGetValue(segment, out var left))
            {
                return;
            }

            left -= count;
            if (left > 0)
            {
                _outstanding[segment] = left;
                return;
            }

            _outstanding.Remove(segment);
            if (segment != _current)
            {
                Try(() => File.Delete(PathOf(segment))); // left behind on a read-only disk: replayed (idempotent by id) at next start
            }
        }
    }

    /// <summary>Stops accepting appends and waits for the writer to finish the ones already queued.</summary>
    public async Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        if (_writerThread is not null)
        {
            await _writerDone.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Closes the current segment, deleting it when every row in it is stored.</summary>
    public void Close()
    {
        lock (_gate)
        {
            CloseCurrentLocked();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var abandoned))
        {
            abandoned.Done.TrySetException(new ObjectDisposedException(nameof(AuditJournal)));
        }

        if (_writerThread is not null)
        {
            await _writerDone.Task.ConfigureAwait(false);
        }

        lock (_gate)
        {
            _stream?.Dispose();
            _stream = null;
        }
    }

    private void WriteLoop()
    {
        try
        {
            var group = new List<Pending>(MaxGroup);
            var buffer = new MemoryStream();
            while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult()) // blocks this dedicated thread only
            {
                WriteOneGroup(group, buffer);
            }
        }
        finally
        {
            _writerDone.TrySetResult();
        }
    }

    private void WriteOneGroup(List<Pending> group, MemoryStream buffer)
    {
        group.Clear();
        buffer.SetLength(0);
        while (group.Count < MaxGroup && _queue.Reader.TryRead(out var item))
        {
            group.Add(item);
            buffer.Write(item.Line);
            buffer.WriteByte((byte)'\n');
        }

        long segment;
        try
        {
            segment = WriteGroup(buffer);
        }
#pragma warning disable CA1031 // the writer must survive any write error: the group fails, the next one tries again
        catch (Exception e)
#pragma warning restore CA1031
        {
            Failure = e;
            var error = e as IOException ?? new IOException("The audit journal could not be written.", e);
            foreach (var item in group)
            {
                item.Done.TrySetException(error);
            }

            return;
        }

        Failure = null;
        var rows = 0;
        foreach (var item in group)
        {
            if (item.Row is not null)
            {
                rows++;
            }
        }

        lock (_gate)
        {
            if (rows > 0)
            {
                _outstanding[segment] = _outstanding.GetValueOrDefault(segment) + rows;
            }
        }

        foreach (var item in group)
        {
            if (item.Row is not null)
            {
                _onDurable(new JournalEntry(item.Row, segment));
            }

            item.Done.TrySetResult();
        }
    }

    /// <summary>Appends the group with one write and one fsync; on failure abandons the segment (never appends after a partial write).</summary>
    private long WriteGroup(MemoryStream buffer)
    {
        lock (_gate)
        {
            var stream = OpenCurrentLocked();
            var segment = _current;
            var start = stream.Position;
            try
            {
                stream.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
                stream.Flush(flushToDisk: true);
                return segment;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                AbandonCurrentLocked(start);
                throw;
            }
        }
    }

    /// <summary>Best effort: cut the unacknowledged tail, close, delete the segment if it holds no stored-pending row, move on.</summary>
    private void AbandonCurrentLocked(long acknowledgedLength)
    {
        var stream = _stream;
        _stream = null;
        if (stream is not null)
        {
            Try(() => stream.SetLength(acknowledgedLength)); // a read-only filesystem refuses: those lines are replayed at next start (by id)
            Try(stream.Dispose); // unbuffered: nothing left to flush, so this cannot throw the write error again
        }

        if (!_outstanding.ContainsKey(_current))
        {
            Try(() => File.Delete(PathOf(_current)));
        }

        _current++;
    }

    private static void Try(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // best effort on a failing filesystem
        }
    }

    private FileStream OpenCurrentLocked()
    {
        if (_stream is { } open && open.Length < SegmentBytes)
        {
            return open;
        }

        if (_stream is not null)
        {
            CloseCurrentLocked();
            _current++;
        }

        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read, BufferSize = 0 }; // unbuffered: a failed write leaves nothing to flush on dispose
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFiles.FileMode;
        }

        var path = PathOf(_current);
        var created = !File.Exists(path);
        var stream = new FileStream(path, options);
        if (created)
        {
            try
            {
                DirectorySync.Flush(_directory); // the new segment's directory entry must be as durable as its rows
            }
            catch (IOException)
            {
                stream.Dispose();
                Try(() => File.Delete(path)); // so the next attempt creates (and syncs) it again
                throw;
            }
        }

        _stream = stream;
        return stream;
    }

    private void CloseCurrentLocked()
    {
        if (_stream is null)
        {
            return;
        }

        _stream.Dispose();
        _stream = null;
        if (!_outstanding.ContainsKey(_current))
        {
            Try(() => File.Delete(PathOf(_current)));
        }
    }

    private IEnumerable<(long Segment, string Path)> Segments() =>
        Directory.EnumerateFiles(_directory, FilePrefix + "*" + FileSuffix)
            .Select(p => (Number: ParseSegment(p), Path: p))
            .Where(s => s.Number > 0)
            .OrderBy(s => s.Number);

    private static long ParseSegment(string path)
    {
        var name = Path.GetFileName(path);
        var digits = name[FilePrefix.Length..^FileSuffix.Length];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    private string PathOf(long segment) =>
        Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"{FilePrefix}{segment:D10}{FileSuffix}"));

    private static AuditRow? TryParse(string line)
    {
        if (line.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(line, AuditJsonContext.Default.AuditRow);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Pending(AuditRow? Row, byte[] Line, TaskCompletionSource Done);
}
