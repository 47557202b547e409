using Microsoft.Extensions.Options;
using NcrsGateway.Adapters.Http;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>Cross-field rules on <see cref="NrlOptions"/> that attributes cannot express.</summary>
internal sealed class NrlOptionsRules : IValidateOptions<NrlOptions>
{
    public ValidateOptionsResult Validate(string? name, NrlOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        UpstreamOptionsRules.ValidateBaseUrl(builder, options, NrlOptions.SectionName, NrlOptions.ConsumerBasePath, "the NRL v3 consumer API");

        if (options.AllowHttpContentUrls && options.BaseUrl is not { IsAbsoluteUri: true, IsLoopback: true })
        {
            builder.AddError("may only be true when BaseUrl is a loopback (sandbox) address", nameof(NrlOptions.AllowHttpContentUrls));
        }

        UpstreamOptionsRules.ValidateTimeouts(builder, options);
        return builder.Build();
    }
}
