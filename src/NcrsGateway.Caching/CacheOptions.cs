using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.Caching;

/// <summary>The metadata cache, bound from <c>Cache</c>. Only demographics and pointer metadata are ever cached.</summary>
public sealed class CacheOptions
{
    public const string SectionName = "Cache";

    /// <summary>Turns the metadata cache off entirely (every read goes upstream).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a demographics read (Patient) stays cached.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PatientTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long document-pointer metadata (DocumentReference, or a Bundle of them) stays cached.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PointerTtl { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A hit older than this is marked <c>X-Show-Without-Refresh: false</c>: show it only after a refresh.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ShowWithoutRefreshWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Secret for the keyed hash (HMAC-SHA256) that turns an NHS number into a cache key. Required (32+ characters)
    /// when Redis is configured, so every instance derives the same keys; otherwise a random per-process key is used.
    /// </summary>
    [MinLength(32)]
    public string? KeyHashSecret { get; set; }

    /// <summary>
    /// Longest a caller waits for another instance's in-flight fetch of the same key before fetching itself
    /// (also the lifetime of that fetch's Redis lock, so a dead holder never blocks anyone for longer).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SingleFlightTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>How often a waiting caller looks for the in-flight fetch's result in Redis.</summary>
    [Range(typeof(TimeSpan), "00:00:00.005", "00:00:01")]
    public TimeSpan SingleFlightPollInterval { get; set; } = TimeSpan.FromMilliseconds(25);
}
