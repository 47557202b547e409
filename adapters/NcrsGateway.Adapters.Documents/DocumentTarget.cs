namespace NcrsGateway.Adapters.Documents;

/// <summary>
/// Where one document download goes: the repository itself, or the Spine Secure Proxy with the repository
/// URL percent-encoded in the path. Built only from a pointer the record locator returned.
/// </summary>
/// <param name="Url">The exact URL the gateway requests.</param>
/// <param name="SpineAsid">The custodian's ASID (<c>Ssp-To</c>) when the request goes through the SSP.</param>
/// <param name="ContentType">The content type the pointer says the document has.</param>
/// <param name="RepositoryHost">The repository's host (the pointer URL's, also behind the SSP): the only part of a document URL that may be logged.</param>
internal sealed record DocumentTarget(Uri Url, string? SpineAsid, string ContentType, string RepositoryHost)
{
    public bool ViaSpineSecureProxy => SpineAsid is not null;
}
