using NcrsGateway.Core.Model;

namespace NcrsGateway.Caching;

/// <summary>
/// What a handler produced and offers to the cache: serialized bytes and their content type, the upstream's
/// ETag (if any), a Content-Location relative to the FHIR base, and the provenance of the data.
/// </summary>
public sealed record FhirPayload(
    ReadOnlyMemory<byte> Body,
    string ContentType,
    string? ETag,
    string? RelativeContentLocation,
    Provenance Provenance)
{
    /// <summary>
    /// The resource type the bytes were serialized from by the gateway itself (no inline attachment data), or null:
    /// then the admission check reads the bytes.
    /// </summary>
    public string? MetadataResourceType { get; init; }
}
