using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.Caching;

/// <summary>
/// The metadata cache, bound from <c>Cache</c>. Only what a registered cache profile allows is ever cached: each
/// adapter's descriptor declares its profile (lifetime, resource types, or never for clinical content).
/// </summary>
public sealed class CacheOptions
{
    public const string SectionName = "Cache";

    /// <summary>Turns the metadata cache off entirely (every read goes upstream).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Lifetime per cache profile name (<c>Cache:TimeToLive:pds</c>), replacing the default the profile's adapter declares
    /// (1 s to 1 h). A never-cached profile (clinical content) stays never cached; a name no profile has is refused at start.
    /// </summary>
    public Dictionary<string, TimeSpan> TimeToLive { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Older spelling of <c>Cache:TimeToLive:pds</c> (demographics), still honoured; <c>TimeToLive</c> wins when both are set.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan? PatientTtl { get; set; }

    /// <summary>Older spelling of <c>Cache:TimeToLive:nrl</c> (pointer metadata), still honoured; <c>TimeToLive</c> wins when both are set.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan? PointerTtl { get; set; }

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

    /// <summary>The operator's lifetime for the profile named <paramref name="profile"/>, if any.</summary>
    internal TimeSpan? TimeToLiveFor(string profile) =>
        TimeToLive.TryGetValue(profile, out var ttl) ? ttl : LegacyTimeToLive(profile);

    /// <summary>
    /// The two keys of releases before cache profiles, mapped onto the profiles they always meant (the PDS and NRL
    /// adapters' names); no other profile has such a key. Remove with them.
    /// </summary>
    private TimeSpan? LegacyTimeToLive(string profile) => profile switch
    {
        "pds" => PatientTtl,
        "nrl" => PointerTtl,
        _ => null,
    };
}
