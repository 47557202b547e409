using Microsoft.Extensions.Options;

namespace NcrsGateway.Proxy;

/// <summary>Cross-field rules on <see cref="DocumentProxyOptions"/> that attributes cannot express.</summary>
internal sealed class DocumentProxyOptionsRules : IValidateOptions<DocumentProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentProxyOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        foreach (var entry in options.AllowedHosts)
        {
            if (!AllowedHost.TryParse(entry, out var host))
            {
                builder.AddError($"'{entry}' is not a host or host:port", nameof(DocumentProxyOptions.AllowedHosts));
            }
            else if (options.AllowHttp && !host.IsLoopback)
            {
                builder.AddError($"'{entry}' is not loopback: AllowHttp may only be true when every allowed host is loopback (sandbox)", nameof(DocumentProxyOptions.AllowHttp));
            }
        }

        if (options.SspBaseUrl is { } ssp)
        {
            if (!ssp.IsAbsoluteUri || !(ssp.Scheme == Uri.UriSchemeHttps || (options.AllowHttp && ssp.Scheme == Uri.UriSchemeHttp && ssp.IsLoopback)))
            {
                builder.AddError("must be an absolute https URL (http only for a loopback sandbox with AllowHttp)", nameof(DocumentProxyOptions.SspBaseUrl));
            }
            else if (!string.IsNullOrEmpty(ssp.Query) || !string.IsNullOrEmpty(ssp.Fragment))
            {
                builder.AddError("must not have a query or fragment", nameof(DocumentProxyOptions.SspBaseUrl));
            }

            if (string.IsNullOrWhiteSpace(options.SspFromAsid))
            {
                builder.AddError("is required when SspBaseUrl is set", nameof(DocumentProxyOptions.SspFromAsid));
            }
        }

        return builder.Build();
    }
}
