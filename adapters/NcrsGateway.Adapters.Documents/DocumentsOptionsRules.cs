using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Documents;

/// <summary>Cross-field rules on <see cref="DocumentsOptions"/> that attributes cannot express.</summary>
internal sealed class DocumentsOptionsRules : IValidateOptions<DocumentsOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentsOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        foreach (var entry in options.AllowedHosts)
        {
            if (!AllowedHost.TryParse(entry, out var host))
            {
                builder.AddError($"'{entry}' is not a host or host:port", nameof(DocumentsOptions.AllowedHosts));
            }
            else if (options.AllowHttp && !host.IsLoopback)
            {
                builder.AddError($"'{entry}' is not loopback: AllowHttp may only be true when every allowed host is loopback (sandbox)", nameof(DocumentsOptions.AllowHttp));
            }
        }

        if (options.SspBaseUrl is { } ssp)
        {
            if (!ssp.IsAbsoluteUri || !(ssp.Scheme == Uri.UriSchemeHttps || (options.AllowHttp && ssp.Scheme == Uri.UriSchemeHttp && ssp.IsLoopback)))
            {
                builder.AddError("must be an absolute https URL (http only for a loopback sandbox with AllowHttp)", nameof(DocumentsOptions.SspBaseUrl));
            }
            else if (!string.IsNullOrEmpty(ssp.Query) || !string.IsNullOrEmpty(ssp.Fragment))
            {
                builder.AddError("must not have a query or fragment", nameof(DocumentsOptions.SspBaseUrl));
            }

            if (string.IsNullOrWhiteSpace(options.SspFromAsid))
            {
                builder.AddError("is required when SspBaseUrl is set", nameof(DocumentsOptions.SspFromAsid));
            }
        }

        return builder.Build();
    }
}
