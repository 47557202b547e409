using NcrsGateway.Core.Diagnostics;

namespace NcrsGateway.Fhir.Diagnostics;

/// <summary>After authentication: gives the request's timeline its caller's metric dimensions, for every metric recorded from here on.</summary>
internal sealed class RequestDimensionsMiddleware(RequestDelegate next, RequestDimensionsResolver resolver)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<RequestTimeline>() is { } timeline)
        {
            timeline.Dimensions = resolver.Resolve(context);
        }

        return next(context);
    }
}
