using System.Globalization;
using System.Text;
using NcrsGateway.Core.Diagnostics;

namespace NcrsGateway.Fhir.Diagnostics;

/// <summary>
/// The <c>Server-Timing</c> header (W3C Server Timing): <c>total</c> (the gateway's whole time until the response
/// started), <c>gateway</c> (that time less the upstream calls: the gateway's own share), one entry per upstream call
/// named after its upstream (<c>pds</c>, <c>nrl</c>, <c>imms</c>, <c>docs</c>; <c>desc</c> is its outcome when not ok),
/// the cache decision (<c>cache;desc=hit</c>) and the audit write (<c>audit;dur=</c>). Durations in milliseconds.
/// It holds names and numbers only, never an identifier.
/// </summary>
public static class ServerTiming
{
    public const string HeaderName = "Server-Timing";

    public static string Format(RequestTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var total = timeline.Elapsed;
        var calls = timeline.UpstreamCalls;
        var upstream = TimeSpan.Zero;
        foreach (var call in calls)
        {
            upstream += call.Duration;
        }

        var own = total - upstream;
        var header = new StringBuilder(96);
        Append(header, "total", total);
        Append(header, "gateway", own > TimeSpan.Zero ? own : TimeSpan.Zero);
        foreach (var call in calls)
        {
            Append(header, MetricName(call.Upstream), call.Duration, call.Outcome == "ok" ? null : call.Outcome);
        }

        if (timeline.CacheDecision is { } decision)
        {
            header.Append(", cache;desc=").Append(decision);
        }

        if (timeline.AuditWrite is { } audit)
        {
            Append(header, "audit", audit);
        }

        return header.ToString();
    }

    /// <summary>An upstream's short metric name: <c>PDS</c> is <c>pds</c>, <c>Immunisation</c> is <c>imms</c>.</summary>
    public static string MetricName(string upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        return upstream.ToUpperInvariant() switch
        {
            "IMMUNISATION" => "imms",
            "DOCUMENTS" => "docs",
            _ => new string([.. upstream.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]),
        };
    }

    private static void Append(StringBuilder header, string name, TimeSpan duration, string? description = null)
    {
        if (header.Length > 0)
        {
            header.Append(", ");
        }

        header.Append(name).Append(";dur=").Append(duration.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture));
        if (description is not null)
        {
            header.Append(";desc=").Append(description);
        }
    }
}
