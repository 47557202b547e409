namespace NcrsGateway.Fhir;

/// <summary>
/// Endpoint metadata of a search route: the parameters its handler understands (for <c>Prefer: handling=lenient</c>)
/// and whether the gateway pages the answer itself (<c>_count</c>, <c>_page</c>) or the handler does (an upstream that pages).
/// </summary>
/// <param name="resourceType">The type searched, e.g. <c>Patient</c>: the paging links' path.</param>
/// <param name="parameters">Every parameter name the handler accepts (<c>_format</c> and the result parameters are added).</param>
/// <param name="gatewayPaging">True: the handler returns every match and the gateway pages with <c>_count</c> and <c>_page</c>.</param>
public sealed class FhirSearch(string resourceType, IEnumerable<string> parameters, bool gatewayPaging)
{
    /// <summary>Marks the <c>POST [type]/_search</c> route (its form body becomes the query).</summary>
    public static readonly object PostForm = new PostFormMarker();

    /// <summary>Page size when <c>_count</c> is given to a gateway-paged search: at most this many.</summary>
    public const int MaxCount = 100;

    public string ResourceType { get; } = resourceType;

    public bool GatewayPaging { get; } = gatewayPaging;

    /// <summary>Names the handler understands, plus the ones the gateway handles for it.</summary>
    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>(
        parameters.Concat(ResultParameters.Names).Concat(gatewayPaging ? [ResultParameters.CountName, ResultParameters.PageName] : []),
        StringComparer.Ordinal);

    private sealed class PostFormMarker;
}
