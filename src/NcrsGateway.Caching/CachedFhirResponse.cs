using System.ComponentModel;
using System.Security.Cryptography;
using NcrsGateway.Core.Model;

namespace NcrsGateway.Caching;

/// <summary>
/// One cache entry: the serialized FHIR bytes exactly as first sent, with their ETag, Content-Location (relative
/// to the FHIR base) and provenance. A hit writes <see cref="Body"/> as is: no FHIR parsing or serialization.
/// Instances come only from <see cref="MetadataCache"/>'s admission check or from the serializer reading what it admitted.
/// </summary>
[ImmutableObject(true)]
public sealed class CachedFhirResponse
{
    private CachedFhirResponse(string profile, byte[] body, string contentType, string eTag, string? contentLocation, string source, DateTimeOffset retrievedAt, string? upstreamVersion)
    {
        Profile = profile;
        Body = body;
        ContentType = contentType;
        ETag = eTag;
        RelativeContentLocation = contentLocation;
        Source = source;
        RetrievedAt = retrievedAt;
        UpstreamVersion = upstreamVersion;
    }

    /// <summary>The cache profile it was admitted under.</summary>
    public string Profile { get; }

    public ReadOnlyMemory<byte> Body { get; }

    public string ContentType { get; }

    /// <summary>Our ETag: the upstream's (PDS <c>W/"version"</c>) when it gave one, else a hash of the body.</summary>
    public string ETag { get; }

    public string? RelativeContentLocation { get; }

    public string Source { get; }

    public DateTimeOffset RetrievedAt { get; }

    public string? UpstreamVersion { get; }

    /// <summary>Only for <see cref="MetadataCache"/>: call it after <see cref="CacheAdmission.EnsureMetadataOnly"/>.</summary>
    internal static CachedFhirResponse FromAdmitted(string profile, FhirPayload payload) => new(
        profile,
        payload.Body.ToArray(),
        payload.ContentType,
        payload.ETag ?? BodyETag(payload.Body.Span),
        payload.RelativeContentLocation,
        payload.Provenance.Source,
        payload.Provenance.RetrievedAt,
        payload.Provenance.UpstreamVersion);

    /// <summary>Only for <see cref="CachedFhirResponseSerializer"/>.</summary>
    internal static CachedFhirResponse Restore(string profile, byte[] body, string contentType, string eTag, string? contentLocation, string source, DateTimeOffset retrievedAt, string? upstreamVersion) =>
        new(profile, body, contentType, eTag, contentLocation, source, retrievedAt, upstreamVersion);

    /// <summary>
    /// Marks "the fetch's answer must not be cached" inside this instance's tier 1 for the moment it takes to remove it;
    /// never served, never written to the shared tier.
    /// </summary>
    internal static CachedFhirResponse NotCacheable { get; } = new(string.Empty, [], string.Empty, string.Empty, null, string.Empty, DateTimeOffset.MinValue, null);

    internal bool IsNotCacheable => ReferenceEquals(this, NotCacheable);

    private Http.EntryHeaders? _headers;

    /// <summary>The response headers of this entry for the FHIR base <paramref name="baseUrl"/>, prepared once and reused by every hit.</summary>
    internal Http.EntryHeaders HeadersFor(string baseUrl)
    {
        var headers = _headers;
        if (headers is null || !string.Equals(headers.BaseUrl, baseUrl, StringComparison.Ordinal))
        {
            _headers = headers = new Http.EntryHeaders(this, baseUrl);
        }

        return headers;
    }

    public TimeSpan AgeAt(DateTimeOffset now) => now > RetrievedAt ? now - RetrievedAt : TimeSpan.Zero;

    private static string BodyETag(ReadOnlySpan<byte> body) =>
        $"W/\"h-{Convert.ToHexStringLower(SHA256.HashData(body))[..20]}\"";
}
