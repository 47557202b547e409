using NcrsGateway.Core.Ports;
using NcrsGateway.Correlation;

namespace NcrsGateway.Fhir;

public static class RequestContexts
{
    /// <summary>The adapter-facing context of this request: its correlation ID and the end user's organisation.</summary>
    public static RequestContext ToRequestContext(this HttpContext http) =>
        new(http.CorrelationId(), http.User.FindFirst("ods")?.Value);
}
