using System.Globalization;
using Microsoft.Net.Http.Headers;
using NcrsGateway.Core;
using NcrsGateway.Fhir;

namespace NcrsGateway.Caching.Http;

/// <summary>
/// Writes a cache entry: its stored bytes untouched, plus <c>X-Cache</c>, <c>Age</c> (seconds since the upstream
/// answered), <c>ETag</c> and the provenance headers. A matching <c>If-None-Match</c> gets 304 and no body.
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

        var location = entry.RelativeContentLocation is { } relative ? $"{baseUrl}/{relative}" : null;
        if (MatchesIfNoneMatch(httpContext.Request, entry.ETag))
        {
            httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
            headers.ETag = entry.ETag;
            if (location is not null)
            {
                headers.ContentLocation = location;
            }

            return Task.CompletedTask;
        }

        return new FhirResult(entry.Body) { ETag = entry.ETag, ContentLocation = location }.ExecuteAsync(httpContext);
    }

    internal static bool MatchesIfNoneMatch(HttpRequest request, string eTag)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch is not { Count: > 0 } || !EntityTagHeaderValue.TryParse(eTag, out var ours))
        {
            return false;
        }

        return ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(ours, useStrongComparison: false));
    }
}
