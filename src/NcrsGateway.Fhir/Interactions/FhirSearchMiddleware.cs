using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.Extensions.Primitives;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Fhir;

namespace NcrsGateway.Fhir;

/// <summary>
/// What every FHIR read and search gets from the gateway rather than from its handler, after authorization and before
/// the handler (so audit, rate limits and the metadata cache see the request as the handler does):
/// <list type="bullet">
/// <item><c>POST [type]/_search</c>: the form body (<c>application/x-www-form-urlencoded</c>, else 415) joins the query.</item>
/// <item><c>Prefer: handling=lenient</c>: parameters the search does not know are dropped and counted in an outcome
/// entry (strict, the default, leaves them for the handler to refuse).</item>
/// <item><c>_summary</c>, <c>_elements</c> and (gateway-paged searches) <c>_count</c> / <c>_page</c> are taken off
/// the query and applied to the answer (<see cref="SearchsetShaper"/>, <see cref="ResourceSubsets"/>).</item>
/// </list>
/// A read without <c>_summary</c> or <c>_elements</c> (every ordinary cache hit) passes straight through: no buffering,
/// no FHIR parsing. HEAD is never shaped (its headers are those of the unshaped answer).
/// </summary>
internal sealed class FhirSearchMiddleware(RequestDelegate next, FhirBaseUrl baseUrl)
{
    private const string FormMediaType = "application/x-www-form-urlencoded";

    public async Task InvokeAsync(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        var search = endpoint?.Metadata.GetMetadata<FhirSearch>();
        if (search is null)
        {
            if (!endpoint.RequiresFhirJson() || !ResultParameters.AnyIn(http.Request) || HttpMethods.IsHead(http.Request.Method))
            {
                await next(http).ConfigureAwait(false);
                return;
            }

            var readPairs = Pairs(http.Request.Query);
            var readShape = ResultParameters.Parse(readPairs, paging: false, GatewayErrors.InvalidRequest);
            http.Request.QueryString = QueryString.Create(readPairs.Where(p => !ResultParameters.Names.Contains(p.Key) || p.Key == ResultParameters.FormatName).Select(ToQuery));
            await ShapeAsync(http, body => body is Bundle ? body : ResourceSubsets.Subset(body, readShape)).ConfigureAwait(false);
            return;
        }

        var post = endpoint!.Metadata.Contains(FhirSearch.PostForm);
        if (!post && !Lenient(http.Request) && !GatewayOwnedIn(http.Request.Query, search))
        {
            await next(http).ConfigureAwait(false); // an ordinary GET search: the query stays as sent
            return;
        }

        var pairs = Pairs(http.Request.Query);
        if (post)
        {
            pairs.AddRange(await FormAsync(http).ConfigureAwait(false));
        }

        var used = Lenient(http.Request) ? pairs.Where(p => search.Parameters.Contains(p.Key)).ToList() : pairs;
        var ignored = pairs.Count - used.Count;
        var shape = ResultParameters.Parse(used, search.GatewayPaging, GatewayErrors.InvalidSearch);
        var gatewayOwned = search.GatewayPaging ? new[] { ResultParameters.SummaryName, ResultParameters.ElementsName, ResultParameters.CountName, ResultParameters.PageName } : [ResultParameters.SummaryName, ResultParameters.ElementsName];
        http.Request.QueryString = QueryString.Create(used.Where(p => !gatewayOwned.Contains(p.Key)).Select(ToQuery));
        if ((shape.Unchanged && ignored == 0) || HttpMethods.IsHead(http.Request.Method))
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var linkBase = $"{baseUrl.For(http.Request)}/{search.ResourceType}";
        await ShapeAsync(http, body => body is Bundle bundle ? SearchsetShaper.Shape(bundle, search, shape, linkBase, used, ignored) : body).ConfigureAwait(false);
    }

    /// <summary>Runs the handler into a buffer, then writes its answer reshaped (a 200 FHIR resource) or as it was.</summary>
    private async Task ShapeAsync(HttpContext http, Func<Resource, Resource> reshape)
    {
        var response = http.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(http).ConfigureAwait(false);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode == StatusCodes.Status200OK
            && response.ContentType?.StartsWith(FhirJson.MediaType, StringComparison.OrdinalIgnoreCase) == true
            && buffer.Length > 0
            && System.Text.Json.JsonSerializer.Deserialize<Resource>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), FhirJson.Options) is { } resource)
        {
            var shaped = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(reshape(resource), FhirJson.Options);
            response.ContentLength = shaped.Length;
            await original.WriteAsync(shaped, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (buffer.Length == 0)
        {
            return; // a 304, or nothing written: the handler's headers stand
        }

        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpContext http)
    {
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, FormMediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw new GatewayException(GatewayErrors.UnsupportedMediaType, $"Send the search parameters of POST _search as {FormMediaType}.");
        }

        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
            return Pairs(form);
        }
        catch (BadHttpRequestException e)
        {
            throw RequestBodyErrors.ToGatewayException(e);
        }
        catch (InvalidDataException)
        {
            throw new GatewayException(GatewayErrors.InvalidSearch, $"The search parameters could not be read: send them as a {FormMediaType} body.");
        }
    }

    private static bool GatewayOwnedIn(IQueryCollection query, FhirSearch search) =>
        query.ContainsKey(ResultParameters.SummaryName) || query.ContainsKey(ResultParameters.ElementsName)
        || (search.GatewayPaging && (query.ContainsKey(ResultParameters.CountName) || query.ContainsKey(ResultParameters.PageName)));

    private static bool Lenient(HttpRequest request)
    {
        foreach (var value in request.Headers["Prefer"])
        {
            foreach (var part in (value ?? string.Empty).Split([',', ';'], StringSplitOptions.TrimEntries))
            {
                if (part.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("handling=lenient", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<KeyValuePair<string, string>> Pairs(IEnumerable<KeyValuePair<string, StringValues>> values) =>
        [.. values.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty)))];

    private static KeyValuePair<string, string?> ToQuery(KeyValuePair<string, string> pair) => new(pair.Key, pair.Value);
}
