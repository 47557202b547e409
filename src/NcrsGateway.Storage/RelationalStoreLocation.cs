namespace NcrsGateway.Storage;

/// <summary>
/// Where the gateway's relational state lives, as configured once (today under <c>Audit:</c>: provider, data directory,
/// PostgreSQL connection string). Registered by the audit trail; every other store opens its tables through
/// <see cref="RelationalStores"/> at the same place.
/// </summary>
/// <param name="Provider">SQLite (default) or PostgreSQL.</param>
/// <param name="DataDirectory">Absolute folder for SQLite files.</param>
/// <param name="PostgresConnectionString">Npgsql connection string when <paramref name="Provider"/> is PostgreSQL.</param>
public sealed record RelationalStoreLocation(StoreProvider Provider, string DataDirectory, string? PostgresConnectionString);
