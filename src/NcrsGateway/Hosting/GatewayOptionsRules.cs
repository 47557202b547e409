using System.Net;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Hosting;

/// <summary>
/// <see cref="GatewayOptions"/>: outside the sandbox <c>PublicBaseUrl</c> is required and absolute https (it is the only
/// source of links); known proxies and networks must parse.
/// </summary>
internal sealed class GatewayOptionsRules(bool developmentHost) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.PublicBaseUrl is null)
        {
            if (!developmentHost)
            {
                builder.AddError("is required outside the sandbox (absolute https URL, e.g. https://gateway.trust.nhs.uk/fhir)", nameof(options.PublicBaseUrl));
            }
        }
        else if (!options.PublicBaseUrl.IsAbsoluteUri
            || !(options.PublicBaseUrl.Scheme == Uri.UriSchemeHttps || (developmentHost && options.PublicBaseUrl.Scheme == Uri.UriSchemeHttp))
            || !string.IsNullOrEmpty(options.PublicBaseUrl.Query) || !string.IsNullOrEmpty(options.PublicBaseUrl.Fragment))
        {
            builder.AddError("must be an absolute https URL without query or fragment (http only in the sandbox)", nameof(options.PublicBaseUrl));
        }

        foreach (var proxy in options.KnownProxies)
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                builder.AddError($"'{proxy}' is not an IP address", nameof(options.KnownProxies));
            }
        }

        foreach (var network in options.KnownNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                builder.AddError($"'{network}' is not a CIDR network (e.g. 10.0.0.0/8)", nameof(options.KnownNetworks));
            }
        }

        return builder.Build();
    }
}
