namespace NcrsGateway.Core.Model;

/// <summary>
/// One way to retrieve the record a pointer locates.
/// </summary>
/// <param name="Url">Absolute <c>https://</c> or <c>ssp://</c> address of the document.</param>
/// <param name="ContentType">MIME type the custodian says it serves.</param>
/// <param name="Format">NRL format code (e.g. <c>urn:nhs-ic:unstructured</c>), when given.</param>
/// <param name="SpineAsid">The custodian system's Spine ASID, needed to retrieve an <c>ssp://</c> URL.</param>
public sealed record DocumentContent(Uri Url, string ContentType, CodedConcept? Format, string? SpineAsid)
{
    public const string SspScheme = "ssp";

    /// <summary>Whether retrieval must go through the Spine Secure Proxy.</summary>
    public bool RequiresSpineSecureProxy => string.Equals(Url.Scheme, SspScheme, StringComparison.OrdinalIgnoreCase);
}
