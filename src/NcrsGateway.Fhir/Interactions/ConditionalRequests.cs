using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace NcrsGateway.Fhir;

/// <summary>
/// Conditional reads on what the gateway sends: <c>If-None-Match</c> against the <c>ETag</c> (weak comparison, <c>*</c>
/// matches), else <c>If-Modified-Since</c> against <c>Last-Modified</c>. Header comparison only: nothing is parsed but headers.
/// </summary>
public static class ConditionalRequests
{
    /// <summary>True when a GET or HEAD may be answered 304 Not Modified.</summary>
    public static bool IsNotModified(HttpRequest request, string? eTag, DateTimeOffset? lastModified)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        if (request.Headers.IfNoneMatch.Count == 0 && request.Headers.IfModifiedSince.Count == 0)
        {
            return false; // nearly every request: nothing to parse
        }

        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } ifNoneMatch)
        {
            return eTag is not null && EntityTagHeaderValue.TryParse(eTag, out var ours)
                && ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(ours, useStrongComparison: false));
        }

        return lastModified is { } modified && headers.IfModifiedSince is { } since && Truncate(modified) <= since;
    }

    /// <summary>The <c>Last-Modified</c> value (HTTP dates have whole seconds).</summary>
    public static string Format(DateTimeOffset lastModified) => Truncate(lastModified).ToString("R", CultureInfo.InvariantCulture);

    private static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
