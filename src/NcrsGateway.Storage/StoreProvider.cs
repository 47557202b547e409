namespace NcrsGateway.Storage;

/// <summary>Which relational database holds the gateway's durable state.</summary>
public enum StoreProvider
{
    /// <summary>SQLite files under the data directory: one instance only.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database shared by every instance.</summary>
    Postgres,
}
