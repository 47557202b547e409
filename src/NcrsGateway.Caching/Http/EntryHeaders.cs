using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NcrsGateway.Caching.Http;

/// <summary>
/// A cache entry's response header values, built once per entry (and FHIR base URL) so a hit only copies references:
/// ETag, the absolute Content-Location, the retrieval time, the upstream version, and the parsed ETag for
/// <c>If-None-Match</c>.
/// </summary>
internal sealed class EntryHeaders
{
    public EntryHeaders(CachedFhirResponse entry, string baseUrl)
    {
        BaseUrl = baseUrl;
        ETag = entry.ETag;
        ParsedETag = EntityTagHeaderValue.TryParse(entry.ETag, out var parsed) ? parsed : null;
        ContentLocation = entry.RelativeContentLocation is { } relative ? $"{baseUrl}/{relative}" : StringValues.Empty;
        RetrievedAt = entry.RetrievedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        UpstreamVersion = entry.UpstreamVersion ?? StringValues.Empty;
        ContentLength = entry.Body.Length;
    }

    public string BaseUrl { get; }

    public StringValues ETag { get; }

    public EntityTagHeaderValue? ParsedETag { get; }

    public StringValues ContentLocation { get; }

    public StringValues RetrievedAt { get; }

    public StringValues UpstreamVersion { get; }

    public long ContentLength { get; }
}
