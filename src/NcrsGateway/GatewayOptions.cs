namespace NcrsGateway;

/// <summary>Host-level settings, bound from <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// The FHIR base URL callers see (e.g. https://gateway.trust.nhs.uk/fhir): the only source of the links the gateway
    /// writes (paging, fullUrl, attachment URLs), never a request's Host. Required outside the sandbox (absolute https);
    /// in the sandbox it defaults to the server's own listening address.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>IP addresses of reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are honoured. Default none.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) of reverse proxies whose forwarded headers are honoured. Default none.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>
    /// The largest request body the gateway reads, in bytes (default 64 KiB: an operation's Parameters are a few
    /// KiB). Enforced on the bytes actually received, chunked or not; beyond it the caller gets 413 request-too-large.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
