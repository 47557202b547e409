using System.Text.Json;
using System.Text.Json.Serialization;
using NcrsGateway.Core.Diagnostics;

namespace NcrsGateway.Operations;

/// <summary>
/// One request as <c>/ops/correlation/{id}</c> answers it: route template, status, outcome code, duration, instance, each
/// upstream call, the cache decision and the audit write, and where the time went (<see cref="AttributedTo"/>). Names,
/// codes and times only: nothing in it identifies the patient. Milliseconds throughout.
/// </summary>
internal sealed record CorrelationView(
    string CorrelationId,
    string Method,
    string Route,
    int Status,
    string Outcome,
    DateTimeOffset StartedAt,
    double DurationMs,
    double GatewayMs,
    string AttributedTo,
    string Instance,
    string? Cache,
    double? AuditMs,
    IReadOnlyList<UpstreamCallView> UpstreamCalls,
    string Organisation,
    string Site,
    string ClientName,
    string ClientVersion)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static CorrelationView From(CompletedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var own = request.Duration - request.UpstreamTime;
        if (own < TimeSpan.Zero)
        {
            own = TimeSpan.Zero;
        }

        UpstreamCallTiming? slowest = null;
        foreach (var call in request.UpstreamCalls)
        {
            if (slowest is null || call.Duration > slowest.Duration)
            {
                slowest = call;
            }
        }

        // Where the time went: the slowest upstream when it took longer than the gateway's own share, else the gateway.
        var attributed = slowest is not null && slowest.Duration > own ? slowest.Upstream : "gateway";
        return new CorrelationView(
            request.CorrelationId,
            request.Method,
            request.Route,
            request.Status,
            request.Outcome,
            request.StartedAt,
            Ms(request.Duration),
            Ms(own),
            attributed,
            request.Instance,
            request.CacheDecision,
            request.AuditWrite is { } audit ? Ms(audit) : null,
            [.. request.UpstreamCalls.Select(UpstreamCallView.From)],
            request.Dimensions.Organisation,
            request.Dimensions.Site,
            request.Dimensions.ClientName,
            request.Dimensions.ClientVersion);
    }

    internal static double Ms(TimeSpan duration) => Math.Round(duration.TotalMilliseconds, 1);
}

/// <summary>One upstream call: adapter, start offset from the request's start, duration, last status, attempts and what ended it.</summary>
internal sealed record UpstreamCallView(
    string Adapter,
    double StartOffsetMs,
    double DurationMs,
    int? Status,
    int Attempts,
    bool Retried,
    bool TimedOut,
    bool BreakerOpen,
    bool RetryAfter,
    string Outcome)
{
    public static UpstreamCallView From(UpstreamCallTiming call) => new(
        call.Upstream,
        CorrelationView.Ms(call.StartOffset),
        CorrelationView.Ms(call.Duration),
        call.Status,
        call.Attempts,
        call.Attempts > 1,
        call.Outcome == "timeout",
        call.Outcome == "breaker-open",
        call.Outcome == "retry-after",
        call.Outcome);
}
