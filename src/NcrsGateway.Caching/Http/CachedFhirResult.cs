using System.Globalization;
using Microsoft.Net.Http.Headers;
using NcrsGateway.Core;
using NcrsGateway.Fhir;

namespace NcrsGateway.Caching.Http;

/// <summary>
/// Writes a cache entry: its stored bytes untouched, plus <c>X-Cache</c>, <c>Age</c> (seconds since the upstream
/// answered), <c>ETag</c>, <c>Last-Modified</c> (when the upstream answered) and the provenance headers. A matching
/// <c>If-None-Match</c> (or, without one, <c>If-Modified-Since</c>) gets 304 and no body.
/// </summary>
internal sealed class CachedFhirResult(CacheLookup lookup, string baseUrl, DateTimeOffset now, TimeSpan showWithoutRefreshWindow) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var entry = lookup.Entry;
        var age = entry.AgeAt(now);
        var headers = httpContext.Response.Headers;
        headers[KnownHeaders.CacheStatus] = lookup.Status switch
        {
            CacheStatus.Hit => "HIT",
            CacheStatus.Refresh => "REFRESH",
            _ => "MISS",
        };
        headers.Age = ((long)age.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        headers[KnownHeaders.RetrievedAt] = entry.RetrievedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        if (entry.UpstreamVersion is { } version)
        {
            headers[KnownHeaders.UpstreamVersion] = version;
        }

        if (age > showWithoutRefreshWindow)
        {
            headers[KnownHeaders.ShowWithoutRefresh] = "false";
        }

        headers.LastModified = ConditionalRequests.Format(entry.RetrievedAt);
        var location = entry.RelativeContentLocation is { } relative ? $"{baseUrl}/{relative}" : null;
        if (ConditionalRequests.IsNotModified(httpContext.Request, entry.ETag, entry.RetrievedAt))
        {
            httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
            headers.ETag = entry.ETag;
            if (location is not null)
            {
                headers.ContentLocation = location;
            }

            return Task.CompletedTask;
        }

        return new FhirResult(entry.Body) { ETag = entry.ETag, ContentLocation = location, LastModified = entry.RetrievedAt }.ExecuteAsync(httpContext);
    }
}
