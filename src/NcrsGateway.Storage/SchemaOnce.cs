namespace NcrsGateway.Storage;

/// <summary>
/// One owner's tables, created on first use and then never asked for again in this process; an attempt that fails is
/// tried again on the next use. The DDL itself is idempotent and serialized across instances by <see cref="RelationalStore.EnsureSchemaAsync"/>.
/// </summary>
public sealed class SchemaOnce(RelationalStore store, Func<IEnumerable<string>> statements)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await store.EnsureSchemaAsync(statements(), cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
