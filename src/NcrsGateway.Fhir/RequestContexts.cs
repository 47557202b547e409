using NcrsGateway.Core.Ports;
using NcrsGateway.Correlation;

namespace NcrsGateway.Fhir;

public static class RequestContexts
{
    /// <summary>The adapter-facing context of this request: its correlation ID, the end user's organisation, its timeline and span.</summary>
    public static RequestContext ToRequestContext(this HttpContext http) =>
        new(http.CorrelationId(), http.User.FindFirst("ods")?.Value)
        {
            Timeline = http.Features.Get<Core.Diagnostics.RequestTimeline>(),
            TraceParent = System.Diagnostics.Activity.Current?.Context ?? default,
        };
}
