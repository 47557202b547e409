using Microsoft.Extensions.Options;
using NcrsGateway.Core.Diagnostics;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Fhir.Diagnostics;

/// <summary>
/// A request's metric dimensions from the validated token (claims <c>ods</c>, <c>site</c>, <c>client_id</c>,
/// <c>client_version</c>), falling back for site and client software to the documented headers <c>X-Site-ID</c>,
/// <c>X-Client-Software</c> and <c>X-Client-Version</c> when they are safe tokens (letters, digits, <c>- _ . :</c>, at most
/// 64). Each value is folded to its bounded set (<see cref="TelemetryDimensionsOptions"/>). Unchanged answers are shared.
/// </summary>
public sealed class RequestDimensionsResolver
{
    public const string SiteClaim = "site";
    public const string ClientVersionClaim = "client_version";
    public const string SiteHeader = "X-Site-ID";
    public const string ClientSoftwareHeader = "X-Client-Software";
    public const string ClientVersionHeader = "X-Client-Version";
    private const int MaxLength = 64;

    private readonly DimensionFold _organisations;
    private readonly DimensionFold _sites;
    private readonly DimensionFold _clients;
    private readonly DimensionFold _versions;
    private RequestDimensions _last = RequestDimensions.Unknown;

    public RequestDimensionsResolver(IOptions<TelemetryDimensionsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _organisations = new DimensionFold(o.Organisations, o.MaxValues);
        _sites = new DimensionFold(o.Sites, o.MaxValues);
        _clients = new DimensionFold(o.ClientSoftware, o.MaxValues);
        _versions = new DimensionFold(o.ClientVersions, o.MaxValues);
    }

    public RequestDimensions Resolve(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = http.User;
        var organisation = _organisations.Fold(Safe(user.FindFirst(GatewayClaims.OrganisationOds)?.Value));
        var site = _sites.Fold(Safe(user.FindFirst(SiteClaim)?.Value) ?? Header(http, SiteHeader));
        var client = _clients.Fold(Safe(user.FindFirst(GatewayClaims.ClientApp)?.Value ?? user.FindFirst("azp")?.Value) ?? Header(http, ClientSoftwareHeader));
        var version = _versions.Fold(Safe(user.FindFirst(ClientVersionClaim)?.Value) ?? Header(http, ClientVersionHeader));
        var last = _last;
        if (ReferenceEquals(last.Organisation, organisation) && ReferenceEquals(last.Site, site)
            && ReferenceEquals(last.ClientName, client) && ReferenceEquals(last.ClientVersion, version))
        {
            return last; // the common case: the same caller again, no allocation
        }

        return _last = new RequestDimensions(organisation, site, client, version);
    }

    private static string? Header(HttpContext http, string name) =>
        http.Request.Headers.TryGetValue(name, out var values) && values.Count == 1 ? Safe(values[0]) : null;

    /// <summary>A safe token that holds nothing the redactor would mask (an NHS number in any form), else null.</summary>
    private static string? Safe(string? value) =>
        value is not null && SafeToken.IsValid(value, MaxLength) && string.Equals(Core.Redaction.Redactor.Redact(value), value, StringComparison.Ordinal) ? value : null;
}
