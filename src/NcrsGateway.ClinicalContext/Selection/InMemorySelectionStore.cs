namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>
/// The default store, for a single instance: one lock makes each operation atomic; entries past their
/// retention are swept on every write.
/// </summary>
internal sealed class InMemorySelectionStore(TimeProvider time) : ISelectionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string UserId, DateTimeOffset RetainUntil)> _lastUser = new(StringComparer.Ordinal);
    private readonly Dictionary<(string WorkstationId, string UserId), string> _latest = [];

    public Task StageAsync(PatientSelection selection, TimeSpan retainFor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Sweep(now);
            _byToken[selection.TokenHash] = new Entry(selection, now + retainFor) { State = SelectionState.Pending };
        }

        return Task.CompletedTask;
    }

    public Task<bool> ReleaseAsync(PatientSelection selection, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var latest = _latest.TryGetValue((selection.WorkstationId, selection.UserId), out var hash) && hash == selection.TokenHash;
            var sameUser = _lastUser.TryGetValue(selection.WorkstationId, out var last) && last.UserId == selection.UserId;
            if (latest && sameUser && _byToken.TryGetValue(selection.TokenHash, out var entry) && entry.State == SelectionState.Used)
            {
                entry.State = SelectionState.Active;
                return Task.FromResult(true);
            }
        }

        return Task.FromResult(false);
    }

    public Task SaveAsync(PatientSelection selection, TimeSpan retainFor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Sweep(now);
            ObserveLocked(selection.WorkstationId, selection.UserId, now + retainFor);
            foreach (var entry in _byToken.Values)
            {
                if (entry.State == SelectionState.Active
                    && entry.Selection.WorkstationId == selection.WorkstationId
                    && entry.Selection.UserId == selection.UserId)
                {
                    entry.State = SelectionState.Superseded;
                }
            }

            _byToken[selection.TokenHash] = new Entry(selection, now + retainFor);
            _latest[(selection.WorkstationId, selection.UserId)] = selection.TokenHash;
        }

        return Task.CompletedTask;
    }

    public Task<StoredSelection?> TakeAsync(string tokenHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_byToken.TryGetValue(tokenHash, out var entry) || entry.RetainUntil <= time.GetUtcNow() || entry.State == SelectionState.Pending)
            {
                return Task.FromResult<StoredSelection?>(null);
            }

            var before = new StoredSelection(entry.Selection, entry.State);
            if (entry.State == SelectionState.Active)
            {
                entry.State = SelectionState.Used;
            }

            return Task.FromResult<StoredSelection?>(before);
        }
    }

    public Task ObserveUserAsync(string workstationId, string userId, TimeSpan retainFor, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObserveLocked(workstationId, userId, time.GetUtcNow() + retainFor);
        }

        return Task.CompletedTask;
    }

    public Task<int> CancelForPatientAsync(string nhsNumber, CancellationToken cancellationToken)
    {
        var cancelled = 0;
        lock (_gate)
        {
            foreach (var entry in _byToken.Values)
            {
                if (entry.State == SelectionState.Active && entry.Selection.NhsNumber == nhsNumber)
                {
                    entry.State = SelectionState.Cancelled;
                    cancelled++;
                }
            }
        }

        return Task.FromResult(cancelled);
    }

    private void ObserveLocked(string workstationId, string userId, DateTimeOffset retainUntil)
    {
        if (_lastUser.TryGetValue(workstationId, out var last) && last.UserId != userId)
        {
            foreach (var entry in _byToken.Values)
            {
                if (entry.State == SelectionState.Active && entry.Selection.WorkstationId == workstationId)
                {
                    entry.State = SelectionState.Superseded;
                }
            }
        }

        _lastUser[workstationId] = (userId, retainUntil);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _byToken)
        {
            if (entry.RetainUntil <= now)
            {
                _byToken.Remove(key);
            }
        }

        foreach (var (key, last) in _lastUser)
        {
            if (last.RetainUntil <= now)
            {
                _lastUser.Remove(key);
            }
        }

        foreach (var (key, hash) in _latest)
        {
            if (!_byToken.ContainsKey(hash))
            {
                _latest.Remove(key);
            }
        }
    }

    private sealed class Entry(PatientSelection selection, DateTimeOffset retainUntil)
    {
        public PatientSelection Selection { get; } = selection;

        public DateTimeOffset RetainUntil { get; } = retainUntil;

        public SelectionState State { get; set; } = SelectionState.Active;
    }
}
