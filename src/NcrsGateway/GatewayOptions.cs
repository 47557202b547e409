namespace NcrsGateway;

/// <summary>Host-level settings, bound from <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// The FHIR base URL callers see (e.g. https://gateway.trust.nhs.uk/fhir) when the gateway sits behind a
    /// proxy. Unset: derived from each request. Paging and fullUrl links always use it, never an upstream host.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// The largest request body the gateway reads, in bytes (default 64 KiB: an operation's Parameters are a few
    /// KiB). Enforced on the bytes actually received, chunked or not; beyond it the caller gets 413 request-too-large.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
