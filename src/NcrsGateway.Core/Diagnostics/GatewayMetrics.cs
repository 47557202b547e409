using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NcrsGateway.Core.Diagnostics;

/// <summary>
/// The gateway's own metrics (meter <c>NcrsGateway</c>), listed with their meaning in docs/operations.md. Durations are
/// histograms in seconds (OpenTelemetry semantic conventions: <c>http.route</c>, <c>http.request.method</c>,
/// <c>http.response.status_code</c>); every request-scoped instrument also carries the four
/// <see cref="RequestDimensions"/>. Nothing here is an identifier: no NHS number, name, user or URL is ever a tag.
/// Recording without a listener costs a branch.
/// </summary>
public static class GatewayMetrics
{
    public const string MeterName = "NcrsGateway";

    private static readonly Meter Meter = new(MeterName, "1.0");

    /// <summary>Inbound requests: time from arrival to the end of the response, by route template, method, status and outcome code.</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "ncrs.gateway.request.duration", "s", "Inbound requests: duration by route template, status and outcome code.");

    /// <summary>Upstream calls (one logical call, retries included), by upstream, last status and outcome.</summary>
    public static readonly Histogram<double> UpstreamDuration = Meter.CreateHistogram<double>(
        "ncrs.upstream.request.duration", "s", "Upstream calls (retries included): duration by upstream, status and outcome (ok, timeout, breaker-open, retry-after, budget, unreachable or taxonomy code).");

    /// <summary>Retries: attempts beyond the first of an upstream call.</summary>
    public static readonly Counter<long> UpstreamRetries = Meter.CreateCounter<long>(
        "ncrs.upstream.retries", "{retry}", "Upstream attempts beyond the first, by upstream.");

    /// <summary>How long an upstream asked the gateway to wait (a 429 or 503 Retry-After).</summary>
    public static readonly Histogram<double> UpstreamRetryAfter = Meter.CreateHistogram<double>(
        "ncrs.upstream.retry_after", "s", "Waits upstreams asked for in a Retry-After (429 or 503), by upstream.");

    /// <summary>Metadata cache lookups by profile and decision (hit, miss, refresh).</summary>
    public static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "ncrs.cache.lookups", "{lookup}", "Metadata cache lookups by profile and decision (hit, miss, refresh).");

    /// <summary>Inbound requests the gateway's own rate limit refused (429).</summary>
    public static readonly Counter<long> RateLimitRejections = Meter.CreateCounter<long>(
        "ncrs.ratelimit.rejections", "{request}", "Inbound requests refused by the gateway's rate limit.");

    /// <summary>NCRS launches by outcome (<c>ok</c> or the taxonomy code that refused it).</summary>
    public static readonly Counter<long> Launches = Meter.CreateCounter<long>(
        "ncrs.launches", "{launch}", "NCRS launch requests by outcome (ok or the taxonomy code of the failure).");

    /// <summary>Time to answer an NCRS launch request.</summary>
    public static readonly Histogram<double> LaunchDuration = Meter.CreateHistogram<double>(
        "ncrs.launch.duration", "s", "NCRS launch requests: time to answer, by outcome.");

    /// <summary>Time for one audit journal flush (rows made durable in the store).</summary>
    public static readonly Histogram<double> AuditFlushDuration = Meter.CreateHistogram<double>(
        "ncrs.audit.flush.duration", "s", "Audit journal flushes: time to make a batch of rows durable in the store.");

    /// <summary>Observes a current value (the audit journal's depth, each breaker's state) each time metrics are collected.</summary>
    public static ObservableGauge<long> ObserveGauge(string name, string unit, string description, Func<IEnumerable<Measurement<long>>> observe) =>
        Meter.CreateObservableGauge(name, observe, unit, description);

    /// <summary>The tag names every instrument uses.</summary>
    public static class Tags
    {
        public const string Route = "http.route";
        public const string Method = "http.request.method";
        public const string Status = "http.response.status_code";
        public const string Outcome = "ncrs.outcome";
        public const string Upstream = "ncrs.upstream";
        public const string CacheProfile = "ncrs.cache.profile";
        public const string CacheDecision = "ncrs.cache.decision";
        public const string Organisation = "ncrs.organisation";
        public const string Site = "ncrs.site";
        public const string ClientName = "ncrs.client.name";
        public const string ClientVersion = "ncrs.client.version";
    }

    /// <summary>The request's dimensions as a tag list (stack-allocated up to eight tags).</summary>
    public static TagList TagsFor(RequestDimensions? dimensions)
    {
        var tags = default(TagList);
        (dimensions ?? RequestDimensions.Unknown).AddTo(ref tags);
        return tags;
    }
}
