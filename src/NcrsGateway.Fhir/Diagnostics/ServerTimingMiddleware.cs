using NcrsGateway.Core.Diagnostics;
using NcrsGateway.Correlation;

namespace NcrsGateway.Fhir.Diagnostics;

/// <summary>
/// Gives every request a <see cref="RequestTimeline"/> (in <c>HttpContext.Features</c>, and on the adapters'
/// <see cref="Core.Ports.RequestContext"/>) and writes it as the <c>Server-Timing</c> header when the response starts
/// (<see cref="ServerTiming.Format"/>), so browser dev tools and client logs show where the time went. Once the request
/// has been answered it records <see cref="GatewayMetrics.RequestDuration"/> and tells each <see cref="IRequestObserver"/>
/// (the support lookup's journal) what happened: route template, status, outcome code and timings, never the path.
/// </summary>
internal sealed class ServerTimingMiddleware(RequestDelegate next, TimeProvider time, IEnumerable<IRequestObserver> observers, RequestInstance instance)
{
    private readonly IRequestObserver[] _observers = [.. observers];

    public async Task InvokeAsync(HttpContext context)
    {
        var timeline = new RequestTimeline(time);
        context.Features.Set(timeline);
        context.Response.OnStarting(static state =>
        {
            var (http, timeline) = ((HttpContext, RequestTimeline))state;
            http.Response.Headers[ServerTiming.HeaderName] = ServerTiming.Format(timeline);
            return Task.CompletedTask;
        }, (context, timeline));

        // Routing ran before this middleware; the exception handler clears the endpoint, so read the template now.
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Unmatched;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            Complete(context, timeline, route);
        }
    }

    public const string Unmatched = "(unmatched)";

    private void Complete(HttpContext context, RequestTimeline timeline, string route)
    {
        var status = context.Response.StatusCode;
        var outcome = timeline.ErrorCode ?? (status < 400 ? "ok" : "http-" + status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var duration = timeline.Elapsed;
        var dimensions = timeline.Dimensions;
        if (GatewayMetrics.RequestDuration.Enabled)
        {
            var tags = GatewayMetrics.TagsFor(dimensions);
            tags.Add(GatewayMetrics.Tags.Route, route);
            tags.Add(GatewayMetrics.Tags.Method, context.Request.Method);
            tags.Add(GatewayMetrics.Tags.Status, status);
            tags.Add(GatewayMetrics.Tags.Outcome, outcome);
            GatewayMetrics.RequestDuration.Record(duration.TotalSeconds, tags);
        }

        if (_observers.Length == 0)
        {
            return;
        }

        var completed = new CompletedRequest(
            context.CorrelationId(), context.Request.Method, route, status, outcome, timeline.StartedAt, duration, instance.Name,
            timeline.UpstreamCalls, timeline.CacheDecision, timeline.AuditWrite, dimensions);
        foreach (var observer in _observers)
        {
            observer.Completed(completed);
        }
    }
}
