using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.Audit;

/// <summary>Settings for the audit trail, bound from <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>The relational store: <c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public AuditProvider Provider { get; set; } = AuditProvider.Sqlite;

    /// <summary>
    /// Folder for the write-ahead journal, the SQLite file <c>audit.db</c> and (sandbox/Development only) the
    /// generated key file. Relative paths resolve against the content root.
    /// </summary>
    [Required]
    [MinLength(1)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Npgsql connection string; required when <see cref="Provider"/> is <c>Postgres</c>.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Base64 of 32 random bytes: the AES-256-GCM key that encrypts NHS numbers at rest.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Base64 of 32 random bytes: the HMAC-SHA256 key of the searchable NHS-number hash. Must differ from <see cref="EncryptionKey"/>.</summary>
    public string? HashKey { get; set; }

    /// <summary>Most journalled rows written to the store in one transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Longest a journalled row waits before the background writer moves it into the store.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Wait before the first retry when the store cannot take journalled rows; doubled after each failed retry up to
    /// <see cref="MaxRetryDelay"/>. A successful readiness probe of the store wakes the writer at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest a committed write (the row of a selection or launch) waits for the store before the action is refused
    /// with audit-unavailable (503). A hung store (connected, never answering) costs a caller at most this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CommitTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest an AuditEvent search waits for the store (storing the journal backlog first, then the query) before 503.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan SearchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between retries while the store is down, so the backlog starts draining within this time of its return.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
