using Microsoft.Extensions.Options;
using NcrsGateway.Adapters.Http;

namespace NcrsGateway.Adapters.Pds;

/// <summary>Cross-field rules on <see cref="PdsOptions"/> that attributes cannot express.</summary>
internal sealed class PdsOptionsRules : IValidateOptions<PdsOptions>
{
    public ValidateOptionsResult Validate(string? name, PdsOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        UpstreamOptionsRules.ValidateBaseUrl(builder, options, PdsOptions.SectionName);
        UpstreamOptionsRules.ValidateTimeouts(builder, options);
        return builder.Build();
    }
}
