using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.Events;

/// <summary>
/// Settings for national change events, bound from <c>Events</c>. The feature is on when a sender credential
/// (<see cref="SharedSecret"/> or <see cref="SigningKey"/>) is set; without one there is no ingestion route.
/// </summary>
public sealed class EventsOptions
{
    public const string SectionName = "Events";

    /// <summary>Where MNS delivers: an absolute path on the gateway.</summary>
    [Required]
    [RegularExpression("^/[A-Za-z0-9/_.-]{1,200}$")]
    public string IngestionPath { get; set; } = "/events/mns";

    /// <summary>
    /// A secret the sender presents in <see cref="SecretHeader"/> (at least 32 characters), compared in constant time.
    /// </summary>
    public string? SharedSecret { get; set; }

    /// <summary>Header carrying <see cref="SharedSecret"/>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9-]{1,64}$")]
    public string SecretHeader { get; set; } = "X-Events-Secret";

    /// <summary>
    /// Base64 of at least 32 random bytes: the HMAC-SHA256 key of <see cref="SignatureHeader"/>, which carries
    /// <c>sha256=</c> and the hex (or base64) HMAC of the exact request body.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Header carrying the body's HMAC signature.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9-]{1,64}$")]
    public string SignatureHeader { get; set; } = "X-Events-Signature";

    /// <summary>Largest request body read, in bytes; a bigger one is refused (413) before it is parsed.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Most events in one batch or Bundle; more is refused (413) without storing any.</summary>
    [Range(1, 10_000)]
    public int MaxBatchEvents { get; set; } = 1000;

    /// <summary>
    /// How long an event waits after it arrives before it is processed, so that a burst for one patient
    /// (duplicates, several changes) is handled once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often an idle worker looks for due events.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed event is reserved for the instance that claimed it; after that another may take it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most events one worker claims at once.</summary>
    [Range(1, 1000)]
    public int ClaimBatchSize { get; set; } = 50;

    /// <summary>Attempts before an event goes to <c>dead-letter</c>.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait before the first retry; doubled after each failure up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Event types the gateway keeps an MNS subscription for, one each (needs the MNS adapter, <c>Adapters:Mns</c>). Empty: the
    /// gateway manages no subscription (they are made some other way).
    /// </summary>
    public string[] SubscribeTo { get; set; } = [];

    /// <summary>Where MNS delivers: this gateway's ingestion endpoint as MNS reaches it (https). Required with <see cref="SubscribeTo"/>.</summary>
    public Uri? DeliveryEndpoint { get; set; }

    /// <summary>How often the subscriptions are checked once all exist (a failed create is tried again after <see cref="MaxRetryDelay"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan SubscriptionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The local subscriber hook (<c>Events:Subscribers</c>): allowed endpoints, delivery timeout, retries and horizon.</summary>
    [Microsoft.Extensions.Options.ValidateObjectMembers]
    public SubscriberOptions Subscribers { get; set; } = new();

    /// <summary>True when a sender credential is configured (the feature is on).</summary>
    internal bool IsConfigured => !string.IsNullOrWhiteSpace(SharedSecret) || !string.IsNullOrWhiteSpace(SigningKey);
}
