using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using NcrsGateway.Core;
using NcrsGateway.Fhir;

namespace NcrsGateway.Caching.Http;

/// <summary>
/// Writes a cache answer: <c>X-Cache</c>, <c>Age</c> (seconds since the upstream answered), <c>ETag</c> and the
/// provenance headers, then either the stored bytes untouched (a hit, or a miss this request did not fetch itself) or
/// the handler's own result (<paramref name="own"/>: this request fetched it). A matching <c>If-None-Match</c> gets
/// 304 and no body.
/// </summary>
internal sealed class CachedFhirResult(CacheLookup lookup, string baseUrl, DateTimeOffset now, TimeSpan showWithoutRefreshWindow, IResult? own = null) : IResult
{
    private static readonly StringValues Hit = "HIT";
    private static readonly StringValues Refresh = "REFRESH";
    private static readonly StringValues Miss = "MISS";
    private static readonly StringValues NotShowable = "false";
    private static readonly StringValues FhirContentType = FhirResult.ContentType;

    /// <summary>Age values up to the longest usual lifetime (five minutes), so a hit does not format a number.</summary>
    private static readonly StringValues[] Ages = [.. Enumerable.Range(0, 301).Select(a => new StringValues(a.ToString(CultureInfo.InvariantCulture)))];

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var entry = lookup.Entry;
        var prepared = entry.HeadersFor(baseUrl);
        var age = (long)entry.AgeAt(now).TotalSeconds;
        var response = httpContext.Response;
        var headers = response.Headers;
        headers[KnownHeaders.CacheStatus] = lookup.Status switch
        {
            CacheStatus.Hit => Hit,
            CacheStatus.Refresh => Refresh,
            _ => Miss,
        };
        headers.Age = age < Ages.Length ? Ages[age] : age.ToString(CultureInfo.InvariantCulture);
        headers[KnownHeaders.RetrievedAt] = prepared.RetrievedAt;
        if (!StringValues.IsNullOrEmpty(prepared.UpstreamVersion))
        {
            headers[KnownHeaders.UpstreamVersion] = prepared.UpstreamVersion;
        }

        if (entry.AgeAt(now) > showWithoutRefreshWindow)
        {
            headers[KnownHeaders.ShowWithoutRefresh] = NotShowable;
        }

        headers.ETag = prepared.ETag;
        if (!StringValues.IsNullOrEmpty(prepared.ContentLocation))
        {
            headers.ContentLocation = prepared.ContentLocation;
        }

        if (MatchesIfNoneMatch(httpContext.Request, prepared.ParsedETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        if (own is not null)
        {
            return own.ExecuteAsync(httpContext); // this request's fetch: the handler's result (same bytes, same headers)
        }

        response.StatusCode = StatusCodes.Status200OK;
        headers.ContentType = FhirContentType;
        response.ContentLength = prepared.ContentLength;
        return HttpMethods.IsHead(httpContext.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(entry.Body, httpContext.RequestAborted).AsTask();
    }

    internal static bool MatchesIfNoneMatch(HttpRequest request, EntityTagHeaderValue? ours)
    {
        if (request.Headers.IfNoneMatch.Count == 0 || ours is null)
        {
            return false; // nearly every request: nothing to parse
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch is { Count: > 0 }
               && ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(ours, useStrongComparison: false));
    }
}
