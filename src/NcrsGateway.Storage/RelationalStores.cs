namespace NcrsGateway.Storage;

/// <summary>
/// Opens stores at the configured <see cref="RelationalStoreLocation"/>: on PostgreSQL every caller shares one pooled
/// database; on SQLite each caller names its own file in the data directory (so one store's writes never wait on
/// another's lock). Owns what it opens and disposes it with the container.
/// </summary>
public sealed class RelationalStores(RelationalStoreLocation location) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RelationalStore> _open = new(StringComparer.Ordinal);

    public RelationalStoreLocation Location { get; } = location ?? throw new ArgumentNullException(nameof(location));

    /// <param name="sqliteFileName">The file used when the provider is SQLite (for example <c>events.db</c>).</param>
    public RelationalStore Open(string sqliteFileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sqliteFileName);
        var key = Location.Provider == StoreProvider.Postgres ? string.Empty : sqliteFileName;
        lock (_gate)
        {
            if (!_open.TryGetValue(key, out var store))
            {
                store = Location.Provider == StoreProvider.Postgres
                    ? new PostgresStore(Location.PostgresConnectionString ?? throw new InvalidOperationException("The PostgreSQL connection string is not configured."))
                    : new SqliteStore(Location.DataDirectory, sqliteFileName);
                _open[key] = store;
            }

            return store;
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<RelationalStore> stores;
        lock (_gate)
        {
            stores = [.. _open.Values];
            _open.Clear();
        }

        foreach (var store in stores)
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
