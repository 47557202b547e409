using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.Events;

/// <summary>
/// The local subscriber hook, bound from <c>Events:Subscribers</c>: which local systems may register a FHIR
/// <c>Subscription</c>, and how its signals are delivered and retried.
/// </summary>
public sealed class SubscriberOptions
{
    /// <summary>
    /// Absolute http(s) URLs a Subscription's <c>channel.endpoint</c> may name: the endpoint must have the same scheme, host
    /// and port as an entry and a path that starts with the entry's path. Empty: every registration is refused (422).
    /// </summary>
    public string[] AllowedEndpoints { get; set; } = [];

    /// <summary>How long a signal is retried after it was queued; then the delivery goes to dead-letter and the Subscription to <c>error</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RetryHorizon { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Wait before the first retry of a signal; doubled after each failure up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between retries of a signal.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one POST to a subscriber may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an idle delivery worker looks for due signals.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed signal is reserved for the instance sending it (longer than <see cref="RequestTimeout"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);
}
