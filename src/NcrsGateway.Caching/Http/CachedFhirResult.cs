using System.Globalization;
using Microsoft.Extensions.Primitives;
using NcrsGateway.Core;
using NcrsGateway.Fhir;

namespace NcrsGateway.Caching.Http;

/// <summary>
/// Writes a cache answer: <c>X-Cache</c>, <c>Age</c> (seconds since the upstream answered), <c>ETag</c>,
/// <c>Last-Modified</c> (when the upstream answered) and the provenance headers, then either the stored bytes untouched
/// (a hit, or a miss this request did not fetch itself) or the handler's own result (<paramref name="own"/>: this request
/// fetched it). A matching <c>If-None-Match</c> (or, without one, <c>If-Modified-Since</c>) gets 304 and no body.
/// Header values come from <see cref="EntryHeaders"/>, prepared once per entry.
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
        var age = entry.AgeAt(now);
        var seconds = (long)age.TotalSeconds;
        var response = httpContext.Response;
        var headers = response.Headers;
        headers[KnownHeaders.CacheStatus] = lookup.Status switch
        {
            CacheStatus.Hit => Hit,
            CacheStatus.Refresh => Refresh,
            _ => Miss,
        };
        headers.Age = seconds < Ages.Length ? Ages[seconds] : seconds.ToString(CultureInfo.InvariantCulture);
        headers[KnownHeaders.RetrievedAt] = prepared.RetrievedAt;
        if (!StringValues.IsNullOrEmpty(prepared.UpstreamVersion))
        {
            headers[KnownHeaders.UpstreamVersion] = prepared.UpstreamVersion;
        }

        if (age > showWithoutRefreshWindow)
        {
            headers[KnownHeaders.ShowWithoutRefresh] = NotShowable;
        }

        headers.ETag = prepared.ETag;
        headers.LastModified = prepared.LastModified;
        if (!StringValues.IsNullOrEmpty(prepared.ContentLocation))
        {
            headers.ContentLocation = prepared.ContentLocation;
        }

        if (ConditionalRequests.IsNotModified(httpContext.Request, entry.ETag, entry.RetrievedAt))
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
}
