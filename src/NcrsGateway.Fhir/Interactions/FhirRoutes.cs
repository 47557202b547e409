namespace NcrsGateway.Fhir;

/// <summary>
/// How features map FHIR interactions, so every read answers HEAD too and every search is served both as
/// <c>GET [type]?…</c> and <c>POST [type]/_search</c> (form body) with the same authorization, audit and validation.
/// </summary>
public static class FhirRoutes
{
    /// <summary>The methods of a read (and of a GET search): HEAD answers the same headers with no body.</summary>
    public static readonly IReadOnlyList<string> ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>A read-like route: GET and HEAD.</summary>
    public static RouteHandlerBuilder MapFhirGet(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, ReadMethods, handler);

    /// <summary>
    /// A type's search: <c>GET|HEAD /</c> and <c>POST /_search</c> on <paramref name="routes"/> (the type's group). The
    /// handler reads the query only: <see cref="FhirSearchMiddleware"/> turns a POST's form into the query before it runs.
    /// Conventions applied to the result (authorization, audit action, cache) apply to both routes.
    /// </summary>
    /// <param name="routes">The resource type's group (<c>/fhir/{type}</c>).</param>
    /// <param name="name">The GET route's name; the POST route is <c>{name}Post</c>.</param>
    /// <param name="handler">The search handler.</param>
    /// <param name="search">The search's parameters and whether the gateway pages it.</param>
    public static FhirSearchRoutes MapFhirSearch(this IEndpointRouteBuilder routes, string name, Delegate handler, FhirSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var get = routes.MapFhirGet("/", handler).WithName(name).WithMetadata(search);
        var post = routes.MapPost("/_search", handler).WithName(name + "Post").WithMetadata(search, FhirSearch.PostForm);
        return new FhirSearchRoutes(get, post);
    }
}
