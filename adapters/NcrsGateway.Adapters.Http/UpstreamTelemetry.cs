using System.Diagnostics;
using System.Net.Http;
using NcrsGateway.Core.Diagnostics;
using NcrsGateway.Core.Errors;
using Polly.Timeout;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// The <c>NcrsGateway</c> activity source's upstream spans: one per logical upstream call (its HTTP attempts are the
/// HTTP client's child spans). Tags name the upstream, operation, status, attempts and outcome, and the correlation ID:
/// never a URL or identifier. With no listener attached no span is created at all.
/// </summary>
internal static class UpstreamTelemetry
{
    public const string SourceName = "NcrsGateway";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>What ended a call that threw: a timeout, the open breaker, a remembered Retry-After, no connection, or the mapped taxonomy code.</summary>
    public static string Outcome(Exception exception, GatewayException translated) => exception switch
    {
        UpstreamBackoffException { CircuitOpen: true } => "breaker-open",
        UpstreamBackoffException => "retry-after",
        UpstreamBudgetException => "budget",
        TimeoutRejectedException => "timeout",
        HttpRequestException => "unreachable",
        _ => translated.Error.Code,
    };

    /// <summary>The call's metrics: its duration by upstream, last status and outcome, and its retries.</summary>
    public static void Record(string upstream, TimeSpan elapsed, UpstreamAttempts attempts, string outcome, RequestDimensions? dimensions)
    {
        if (GatewayMetrics.UpstreamDuration.Enabled)
        {
            var tags = GatewayMetrics.TagsFor(dimensions);
            tags.Add(GatewayMetrics.Tags.Upstream, upstream);
            tags.Add(GatewayMetrics.Tags.Status, attempts.LastStatus ?? 0);
            tags.Add(GatewayMetrics.Tags.Outcome, outcome);
            GatewayMetrics.UpstreamDuration.Record(elapsed.TotalSeconds, tags);
        }

        if (attempts.Count > 1 && GatewayMetrics.UpstreamRetries.Enabled)
        {
            var tags = GatewayMetrics.TagsFor(dimensions);
            tags.Add(GatewayMetrics.Tags.Upstream, upstream);
            GatewayMetrics.UpstreamRetries.Add(attempts.Count - 1, tags);
        }
    }

    public static void Finish(Activity? activity, UpstreamAttempts attempts, string outcome)
    {
        if (activity is null)
        {
            return;
        }

        if (attempts.LastStatus is { } status)
        {
            activity.SetTag("http.response.status_code", status);
        }

        activity.SetTag("ncrs.upstream.attempts", attempts.Count);
        activity.SetTag("ncrs.upstream.retried", attempts.Count > 1);
        activity.SetTag("ncrs.upstream.retry_after", attempts.RetryAfterSeen);
        activity.SetTag("ncrs.upstream.outcome", outcome);
        if (outcome != "ok")
        {
            activity.SetStatus(ActivityStatusCode.Error, outcome);
        }
    }
}
