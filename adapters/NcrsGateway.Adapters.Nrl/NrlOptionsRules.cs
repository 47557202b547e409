using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>Cross-field rules on <see cref="NrlOptions"/> that attributes cannot express.</summary>
internal sealed class NrlOptionsRules : IValidateOptions<NrlOptions>
{
    public ValidateOptionsResult Validate(string? name, NrlOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.BaseUrl is not { IsAbsoluteUri: true, Scheme: "https" or "http" } url)
        {
            builder.AddError("must be an absolute http(s) URL (leave Adapters:Nrl:BaseUrl unset to use the sandbox)", nameof(NrlOptions.BaseUrl));
        }
        else if (!url.AbsolutePath.EndsWith('/'))
        {
            builder.AddError("must end with '/' so relative paths resolve under it", nameof(NrlOptions.BaseUrl));
        }
        else if (!url.AbsolutePath.EndsWith(NrlOptions.ConsumerBasePath, StringComparison.OrdinalIgnoreCase))
        {
            builder.AddError($"must end with '{NrlOptions.ConsumerBasePath}' (the NRL v3 consumer API)", nameof(NrlOptions.BaseUrl));
        }

        if (options.AllowHttpContentUrls && options.BaseUrl is not { IsAbsoluteUri: true, IsLoopback: true })
        {
            builder.AddError("may only be true when BaseUrl is a loopback (sandbox) address", nameof(NrlOptions.AllowHttpContentUrls));
        }

        if (options.TotalTimeout < options.AttemptTimeout)
        {
            builder.AddError("must be at least AttemptTimeout", nameof(NrlOptions.TotalTimeout));
        }

        return builder.Build();
    }
}
