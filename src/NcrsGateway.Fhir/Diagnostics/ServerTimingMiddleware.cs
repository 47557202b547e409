using NcrsGateway.Core.Diagnostics;

namespace NcrsGateway.Fhir.Diagnostics;

/// <summary>
/// Gives every request a <see cref="RequestTimeline"/> (in <c>HttpContext.Features</c>, and on the adapters'
/// <see cref="Core.Ports.RequestContext"/>) and writes it as the <c>Server-Timing</c> header when the response starts
/// (<see cref="ServerTiming.Format"/>), so browser dev tools and client logs show where the time went.
/// </summary>
internal sealed class ServerTimingMiddleware(RequestDelegate next, TimeProvider time)
{
    public Task InvokeAsync(HttpContext context)
    {
        var timeline = new RequestTimeline(time);
        context.Features.Set(timeline);
        context.Response.OnStarting(static state =>
        {
            var (http, timeline) = ((HttpContext, RequestTimeline))state;
            http.Response.Headers[ServerTiming.HeaderName] = ServerTiming.Format(timeline);
            return Task.CompletedTask;
        }, (context, timeline));
        return next(context);
    }
}
