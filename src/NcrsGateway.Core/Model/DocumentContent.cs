namespace NcrsGateway.Core.Model;

/// <summary>
/// One way to retrieve the record a pointer locates.
/// </summary>
/// <param name="Url">Absolute <c>https://</c> or <c>ssp://</c> address of the document.</param>
/// <param name="ContentType">MIME type the custodian says it serves.</param>
/// <param name="Format">NRL format code (e.g. <c>urn:nhs-ic:unstructured</c>), when given.</param>
/// <param name="SpineAsid">The custodian system's Spine ASID, needed to retrieve an <c>ssp://</c> URL.</param>
/// <param name="Title">The custodian's title for the document, when given.</param>
/// <param name="Created">When the document was created, as the custodian says.</param>
/// <param name="Stability">England-NRLContentStability (static: a snapshot; dynamic: built on each request).</param>
public sealed record DocumentContent(
    Uri Url,
    string ContentType,
    CodedConcept? Format,
    string? SpineAsid,
    string? Title = null,
    DateTimeOffset? Created = null,
    CodedConcept? Stability = null)
{
    public const string SspScheme = "ssp";

    /// <summary>Whether retrieval must go through the Spine Secure Proxy.</summary>
    public bool RequiresSpineSecureProxy => string.Equals(Url.Scheme, SspScheme, StringComparison.OrdinalIgnoreCase);
}
