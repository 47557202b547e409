using Microsoft.Extensions.Options;
using NcrsGateway.Adapters.Http;

namespace NcrsGateway.Adapters.Mns;

/// <summary>Cross-field rules on <see cref="MnsOptions"/> that attributes cannot express.</summary>
internal sealed class MnsOptionsRules : IValidateOptions<MnsOptions>
{
    public ValidateOptionsResult Validate(string? name, MnsOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        UpstreamOptionsRules.ValidateBaseUrl(builder, options, MnsOptions.SectionName, MnsOptions.BasePath, "the MNS subscription API");

        UpstreamOptionsRules.ValidateTimeouts(builder, options);
        return builder.Build();
    }
}
