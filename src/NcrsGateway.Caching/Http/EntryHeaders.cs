using System.Globalization;
using Microsoft.Extensions.Primitives;
using NcrsGateway.Fhir;

namespace NcrsGateway.Caching.Http;

/// <summary>
/// A cache entry's response header values, built once per entry (and FHIR base URL) so a hit only copies references:
/// ETag, Last-Modified, the absolute Content-Location, the retrieval time and the upstream version.
/// </summary>
internal sealed class EntryHeaders
{
    public EntryHeaders(CachedFhirResponse entry, string baseUrl)
    {
        BaseUrl = baseUrl;
        ETag = entry.ETag;
        LastModified = ConditionalRequests.Format(entry.RetrievedAt);
        ContentLocation = entry.RelativeContentLocation is { } relative ? $"{baseUrl}/{relative}" : StringValues.Empty;
        RetrievedAt = entry.RetrievedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        UpstreamVersion = entry.UpstreamVersion ?? StringValues.Empty;
        ContentLength = entry.Body.Length;
    }

    public string BaseUrl { get; }

    public StringValues ETag { get; }

    public StringValues LastModified { get; }

    public StringValues ContentLocation { get; }

    public StringValues RetrievedAt { get; }

    public StringValues UpstreamVersion { get; }

    public long ContentLength { get; }
}
