using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NcrsGateway.Audit.Crypto;
using NcrsGateway.Audit.Journal;
using NcrsGateway.Audit.Storage;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Audit;

/// <summary>
/// The audit trail. <see cref="AuditDurability.Committed"/> rows go straight to the store (or throw);
/// <see cref="AuditDurability.WriteAhead"/> rows are fsynced to the journal before the call returns and moved
/// into the store in batches. On start the journal left by a crashed process is replayed (idempotent by id);
/// on graceful stop everything is drained. Searches first store every acknowledged row, so auditors see them.
/// </summary>
internal sealed partial class AuditTrail : IAuditTrail, IAsyncDisposable
{
    private readonly IAuditStore _store;
    private readonly AuditRowMapper _mapper;
    private readonly PatientProtector _protector;
    private readonly AuditOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditTrail> _logger;
    private readonly AuditJournal _journal;
    private readonly ConcurrentQueue<JournalEntry> _pending = new();
    private readonly SemaphoreSlim _flushLock = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _storeBack = new(0, 1);
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startGate = new();
    private List<JournalEntry>? _retry;
    private int _replayLeft;
    private int _replayStored;
    private int _replayAlreadyStored;
    private Task? _started;
    private Task? _flusher;
    private volatile bool _stopped;
    private volatile bool _schemaReady;
    private volatile bool _storeDown;
    private int _failures;
    private bool _loaded;
    private int _disposed;

    public AuditTrail(IAuditStore store, PatientProtector protector, AuditOptions options, string dataDirectory, TimeProvider time, ILogger<AuditTrail> logger)
    {
        _store = store;
        _protector = protector;
        _mapper = new AuditRowMapper(protector);
        _options = options;
        _time = time;
        _logger = logger;
        _journal = new AuditJournal(dataDirectory, OnDurable);
        AuditMetrics.Started(this);
    }

    /// <summary>Acknowledged rows that are in the journal but not yet in the store.</summary>
    internal int PendingCount => _pending.Count + (_retry?.Count ?? 0);

    /// <summary>
    /// What the start-up replay of a crashed process's journal found: rows it stored (not in the store before) and rows
    /// that were already stored before the crash (read back from the journal, not counted again); <c>Left</c> still to check.
    /// </summary>
    internal (int Stored, int AlreadyStored, int Left) Replay => (Volatile.Read(ref _replayStored), Volatile.Read(ref _replayAlreadyStored), Volatile.Read(ref _replayLeft));

    /// <summary>True while journalled rows cannot be moved into the store (it is down or refuses them).</summary>
    internal bool StoreDown => _storeDown;

    /// <summary>The last journal write error (disk full, read-only filesystem); null while the journal is writable.</summary>
    internal Exception? JournalFailure => _journal.Failure;

    /// <summary>Writes a probe to the journal: completes once it can be written again, throws while it still cannot.</summary>
    internal async Task ProbeJournalAsync(CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        await _journal.ProbeAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The store answered a probe: while it was down, retry now instead of at the end of the backoff.</summary>
    internal void NotifyStoreReachable()
    {
        if (_storeDown)
        {
            Signal(_storeBack);
        }
    }

    /// <summary>
    /// Replays the journal and starts the background writers. Idempotent. The store being down does not stop the
    /// start: the journal keeps every row, committed writes (launches) fail until the store is back.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_startGate)
        {
            if (_started is null || _started.IsFaulted || _started.IsCanceled)
            {
                _started = StartCoreAsync(cancellationToken);
            }

            return _started;
        }
    }

    public async Task RecordAsync(AuditRecord record, AuditDurability durability, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ObjectDisposedException.ThrowIf(_stopped, this);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var row = _mapper.ToRow(record);
        if (durability == AuditDurability.Committed)
        {
            await BoundedAsync(
                async ct =>
                {
                    await EnsureSchemaAsync(ct).ConfigureAwait(false);
                    await _store.InsertAsync([row], ct).ConfigureAwait(false);
                },
                _options.CommitTimeout,
                cancellationToken).ConfigureAwait(false);
            return;
        }

        await _journal.AppendAsync(row, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        AuditCursor? after = null;
        if (query.Cursor is not null && !AuditCursor.TryDecode(query.Cursor, out after))
        {
            throw new GatewayException(GatewayErrors.InvalidSearch, "The paging cursor is not valid: follow the next link as given.");
        }

        await StartAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<AuditRow> rows = [];
        var total = 0;
        await BoundedAsync(
            async ct =>
            {
                rows = await SearchStoreAsync(query, after, ct).ConfigureAwait(false);
                total = after is null && rows.Count <= query.Count ? rows.Count : await _store.CountAsync(RowQuery(query, after), ct).ConfigureAwait(false);
            },
            _options.SearchTimeout,
            cancellationToken).ConfigureAwait(false);

        var page = rows.Take(query.Count).Select(_mapper.ToRecord).ToList();
        var next = rows.Count > query.Count ? new AuditCursor(page[^1].Recorded, page[^1].Id).Encode() : null;
        return new AuditPage(page, next, total);
    }

    /// <summary>Stores every acknowledged row, then runs the query.</summary>
    private async Task<IReadOnlyList<AuditRow>> SearchStoreAsync(AuditQuery query, AuditCursor? after, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        ArgumentNullException.ThrowIfNull(query.Scope);
        return await _store.SearchAsync(RowQuery(query, after), cancellationToken).ConfigureAwait(false);
    }

    private AuditRowQuery RowQuery(AuditQuery query, AuditCursor? after) => new(
        query.Patient is { } patient ? _protector.Hash(patient) : null,
        query.UserId,
        query.From,
        query.To,
        query.Outcome is { } outcome ? AuditCodes.Of(outcome) : null,
        query.FailureCategories?.Select(AuditCodes.Of).ToList(),
        query.Count + 1,
        after)
    {
        OrganisationOds = query.Scope.OrganisationOds,
        Id = query.Id,
    };

    /// <summary>
    /// Runs <paramref name="work"/> against the store for at most <paramref name="timeout"/>: the store is asked to cancel
    /// then, and the caller stops waiting then whether or not it does (a hung server may ignore the request). Throws a
    /// <see cref="TimeoutException"/>, which callers turn into audit-unavailable.
    /// </summary>
    private async Task BoundedAsync(Func<CancellationToken, Task> work, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            await work(bound.Token).WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The audit store did not answer within {timeout.TotalMilliseconds:0} ms.", e);
        }
    }

    /// <summary>Graceful stop: no new appends, every journalled row stored, the journal removed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _journal.CompleteAsync().ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_flusher is not null)
        {
            await _flusher.ConfigureAwait(false);
        }

        try
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            _journal.Close();
            LogDrained(_logger);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDrainFailed(_logger, e.GetType().Name, PendingCount);
        }
    }

    /// <summary>Releases files without draining (what a crash leaves behind is replayed on the next start).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopped = true;
        AuditMetrics.Stopped(this);
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_flusher is not null)
        {
            await _flusher.ConfigureAwait(false);
        }

        await _journal.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>Moves every acknowledged row into the store. Throws (keeping the rows) if the store fails.</summary>
    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var started = _time.GetTimestamp();
        var moved = false;
        try
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var batch = _retry ?? Take();
                if (batch.Count == 0)
                {
                    return;
                }

                _retry = batch;
                var inserted = await _store.InsertAsync(batch.ConvertAll(e => e.Row), cancellationToken).ConfigureAwait(false);
                _retry = null;
                moved = true;
                if (batch[0].Replayed)
                {
                    Replayed(batch.Count, inserted);
                }

                foreach (var segment in batch.GroupBy(e => e.Segment))
                {
                    _journal.MarkStored(segment.Key, segment.Count());
                }
            }
        }
        finally
        {
            _flushLock.Release();
            if (moved)
            {
                AuditMetrics.Flushed(_time.GetElapsedTime(started));
            }
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (_flusher is not null)
        {
            return;
        }

        if (!_loaded)
        {
            var replay = _journal.LoadExisting();
            _loaded = true;
            _replayLeft = replay.Count;
            foreach (var entry in replay)
            {
                _pending.Enqueue(entry);
            }

            if (replay.Count > 0 || _journal.TornLines > 0)
            {
                LogReplaying(_logger, _journal.TornLines); // no count yet: some of these rows may have been stored before the crash
            }
        }

        try
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            StoreFailed(e); // start anyway: rows wait in the journal, launches are refused until the store is back
        }

        _journal.Start();
        _flusher = StartFlusher();
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    /// <summary>One line when the store is lost, then only debug lines per retry.</summary>
    private void StoreFailed(Exception e)
    {
        _failures++;
        var next = AuditRetryBackoff.Delay(_failures, _options.RetryDelay, _options.MaxRetryDelay);
        if (!_storeDown)
        {
            _storeDown = true;
            LogStoreLost(_logger, e.GetType().Name, PendingCount, next);
        }
        else
        {
            LogRetryFailed(_logger, e.GetType().Name, _failures, next);
        }
    }

    private void StoreSucceeded()
    {
        if (_storeDown)
        {
            _storeDown = false;
            LogStoreBack(_logger, _failures);
        }

        _failures = 0;
    }

    private static void Signal(SemaphoreSlim signal)
    {
        if (signal.CurrentCount != 0)
        {
            return;
        }

        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    /// <summary>A batch of waiting rows: replayed rows (queued first, at start) never share a batch with new ones, so the replay is counted exactly.</summary>
    private List<JournalEntry> Take()
    {
        var batch = new List<JournalEntry>(Math.Min(_options.BatchSize, 256));
        while (batch.Count < _options.BatchSize
            && _pending.TryPeek(out var next)
            && (batch.Count == 0 || next.Replayed == batch[0].Replayed)
            && _pending.TryDequeue(out var entry))
        {
            batch.Add(entry);
        }

        return batch;
    }

    /// <summary>A batch of replayed rows is stored: <paramref name="inserted"/> of them were not in the store before.</summary>
    private void Replayed(int rows, int inserted)
    {
        Interlocked.Add(ref _replayStored, inserted);
        Interlocked.Add(ref _replayAlreadyStored, rows - inserted);
        if (Interlocked.Add(ref _replayLeft, -rows) == 0)
        {
            LogReplayed(_logger, _replayStored, _replayAlreadyStored);
        }
    }

    private void OnDurable(JournalEntry entry)
    {
        _pending.Enqueue(entry);
        if (_pending.Count >= _options.BatchSize)
        {
            Signal(_wake); // ignored while the store is down: the flusher then waits for its backoff or a probe
        }
    }

    /// <summary>
    /// Starts the writer that moves journalled rows into the store on its own thread: with SQLite its inserts and commit
    /// fsync block, and a blocked thread-pool thread on a small machine is a request thread lost.
    /// </summary>
    private Task StartFlusher()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                FlushLoop();
            }
            finally
            {
                done.TrySetResult();
            }
        })
        { IsBackground = true, Name = "audit-store-writer" };
        thread.Start();
        return done.Task;
    }

    private void FlushLoop()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                var down = _failures > 0;
                var delay = down ? AuditRetryBackoff.Delay(_failures, _options.RetryDelay, _options.MaxRetryDelay) : _options.FlushInterval;
                using (var timeout = new CancellationTokenSource(delay, _time))
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token))
                {
                    try
                    {
                        (down ? _storeBack : _wake).Wait(wait.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // the interval passed (or stopping, checked next)
                    }
                }

                if (token.IsCancellationRequested)
                {
                    return;
                }

                FlushAsync(token).GetAwaiter().GetResult(); // synchronous for SQLite; PostgreSQL's awaits block only this thread
                StoreSucceeded();
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // any store error: rows stay in the journal and are retried
            catch (Exception e)
#pragma warning restore CA1031
            {
                StoreFailed(e);
            }
        }
    }
}
