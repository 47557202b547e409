using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// Settings every upstream HTTP adapter shares: where the upstream is, who we call it for, and the outbound
/// resilience budget. Each adapter derives its own options class (with its <c>SectionName</c>) from this one.
/// </summary>
public abstract class UpstreamOptions
{
    /// <summary>Upstream base URL, ending in '/'. Unset means the embedded sandbox.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>ODS code sent as <c>NHSD-End-User-Organisation-ODS</c> when the caller's organisation is not known.</summary>
    [Required]
    [RegularExpression("^[A-Z0-9]{3,10}$")]
    public string EndUserOrganisationOds { get; set; } = "Y12345";

    /// <summary>Bearer token for environments that issue a static one (integration); production replaces the keyed token provider.</summary>
    public string? AccessToken { get; set; }

    /// <summary>How long one attempt may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How long a call may take in all, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries for reads after a transient failure (0 disables).</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base delay of the jittered exponential backoff.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>An upstream Retry-After longer than this is not waited for: the caller is told to come back instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest an upstream's Retry-After (on a 429 or 503) is remembered: until it passes, this instance sends that
    /// upstream nothing and callers are told to come back. A longer Retry-After is cut to this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxRetryAfterBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Largest upstream response body read, in bytes. Bodies are read in full inside the timeouts and breaker, so a slow
    /// body counts against them; a larger body is refused as an upstream error.
    /// </summary>
    [Range(65_536, 67_108_864)]
    public int MaxResponseBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The upstream's request budget for this application, all instances together (shared through Redis when it is
    /// configured): calls beyond it wait for a slot instead of being sent. Defaults to the adapter's descriptor.
    /// </summary>
    [Range(0.1, 100_000.0)]
    public double RequestsPerSecond { get; set; } = 5;

    /// <summary>How many calls may go back to back after a quiet spell (the token bucket's size); 1 spaces calls evenly.</summary>
    [Range(1, 1000)]
    public int Burst { get; set; } = 1;

    /// <summary>
    /// The longest a call waits for a slot in the budget (or for an upstream's short Retry-After to pass) before the
    /// caller is answered 503 <c>upstream-busy</c> with Retry-After. A retry waits for its slot inside its attempt, so
    /// for at most what is left of this and half the <see cref="AttemptTimeout"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan MaxBudgetWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most concurrent requests this instance sends to the upstream; further calls are refused fast.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentRequests { get; set; } = 20;

    /// <summary>Failures (ratio) within the sampling window that open the circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the window before the breaker may open.</summary>
    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>How long an open circuit refuses calls before it lets one through to test the upstream.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
