using Microsoft.AspNetCore.Routing.Template;

namespace NcrsGateway.Fhir;

/// <summary>
/// The <c>/fhir</c> group's fallback: a request no FHIR endpoint takes still carries the group's metadata (audited as
/// <c>other</c>, FHIR JSON), and is answered 405 (with <c>Allow</c>) when a FHIR route matches its path with another
/// method, else 404. Both are bodiless here: the status-code pages write the OperationOutcome, as for any framework error.
/// </summary>
public static class FhirFallbackEndpoints
{
    /// <param name="fhir">The root <c>/fhir</c> group.</param>
    public static RouteHandlerBuilder MapFhirFallback(this IEndpointRouteBuilder fhir) =>
        fhir.MapFallback("{**path}", (HttpContext http, EndpointDataSource endpoints) =>
            {
                var allowed = endpoints.AllowedMethods(http.Request.Path);
                if (allowed.Count == 0)
                {
                    return Results.StatusCode(StatusCodes.Status404NotFound);
                }

                http.Response.Headers.Allow = string.Join(", ", allowed);
                return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
            })
            .WithName("FhirFallback")
            .ExcludeFromDescription();

    /// <summary>The methods FHIR routes (fallback aside) accept on this path; none when no route matches it.</summary>
    public static IReadOnlyList<string> AllowedMethods(this EndpointDataSource endpoints, PathString path) =>
        [.. endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<FhirEndpointMetadata>() is not null && e.Order != int.MaxValue) // not a fallback
            .Where(e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)];
}
