using Microsoft.Extensions.Options;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;

namespace NcrsGateway.Adapters.Documents;

/// <summary>
/// Turns a pointer's content URL into the URL the gateway will fetch, and refuses it unless its host is
/// allow-listed. <c>ssp://</c> URLs become <c>{SspBaseUrl}/{percent-encoded https URL}</c> and may only go to
/// the configured SSP. This is the only place a document URL is chosen: callers can only name a pointer id.
/// </summary>
internal sealed class DocumentTargetResolver(IOptionsMonitor<DocumentsOptions> options)
{
    private static readonly UriCreationOptions SspUriOptions = new() { DangerousDisablePathAndQueryCanonicalization = true };

    public DocumentTarget Resolve(DocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var o = options.CurrentValue;
        if (content.RequiresSpineSecureProxy)
        {
            if (o.SspBaseUrl is not { } ssp || content.SpineAsid is null)
            {
                throw new GatewayException(GatewayErrors.DocumentHostNotAllowed, "This document must be fetched through the Spine Secure Proxy, which is not configured on this gateway.");
            }

            var https = new UriBuilder(content.Url) { Scheme = Uri.UriSchemeHttps, Port = content.Url.Port }.Uri;
            // Kept exactly as encoded: the SSP expects the whole target URL as one percent-encoded path segment.
            var url = new Uri(ssp.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(https.AbsoluteUri), SspUriOptions);
            return new DocumentTarget(url, content.SpineAsid, content.ContentType, content.Url.Authority);
        }

        var direct = content.Url;
        var schemeAllowed = direct.Scheme == Uri.UriSchemeHttps || (o.AllowHttp && direct.Scheme == Uri.UriSchemeHttp);
        if (!schemeAllowed || !string.IsNullOrEmpty(direct.UserInfo) || !IsAllowed(direct, o))
        {
            throw new GatewayException(GatewayErrors.DocumentHostNotAllowed);
        }

        return new DocumentTarget(direct, null, content.ContentType, direct.Authority);
    }

    private static bool IsAllowed(Uri url, DocumentsOptions o)
    {
        foreach (var entry in o.AllowedHosts)
        {
            if (AllowedHost.TryParse(entry, out var host) && host.Matches(url))
            {
                return true;
            }
        }

        return false;
    }
}
