using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

/// <summary>Cross-field rules on <see cref="ProbeOptions"/>.</summary>
internal sealed class ProbeOptionsRules : IValidateOptions<ProbeOptions>
{
    public ValidateOptionsResult Validate(string? name, ProbeOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        UpstreamOptionsRules.ValidateBaseUrl(builder, options, ProbeOptions.SectionName);
        UpstreamOptionsRules.ValidateTimeouts(builder, options);
        return builder.Build();
    }
}
