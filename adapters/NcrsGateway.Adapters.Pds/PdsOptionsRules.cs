using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Pds;

/// <summary>Cross-field rules on <see cref="PdsOptions"/> that attributes cannot express.</summary>
internal sealed class PdsOptionsRules : IValidateOptions<PdsOptions>
{
    public ValidateOptionsResult Validate(string? name, PdsOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.BaseUrl is not { IsAbsoluteUri: true, Scheme: "https" or "http" } url)
        {
            builder.AddError("must be an absolute http(s) URL (leave Adapters:Pds:BaseUrl unset to use the sandbox)", nameof(PdsOptions.BaseUrl));
        }
        else if (!url.AbsolutePath.EndsWith('/'))
        {
            builder.AddError("must end with '/' so relative paths resolve under it", nameof(PdsOptions.BaseUrl));
        }

        if (options.TotalTimeout < options.AttemptTimeout)
        {
            builder.AddError("must be at least AttemptTimeout", nameof(PdsOptions.TotalTimeout));
        }

        return builder.Build();
    }
}
