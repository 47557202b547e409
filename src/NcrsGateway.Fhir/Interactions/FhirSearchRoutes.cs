namespace NcrsGateway.Fhir;

/// <summary>The GET and POST routes of one search: a convention added here applies to both.</summary>
public sealed class FhirSearchRoutes(RouteHandlerBuilder get, RouteHandlerBuilder post) : IEndpointConventionBuilder
{
    public RouteHandlerBuilder Get => get;

    public RouteHandlerBuilder Post => post;

    public void Add(Action<EndpointBuilder> convention)
    {
        get.Add(convention);
        post.Add(convention);
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        get.Finally(finallyConvention);
        post.Finally(finallyConvention);
    }
}
