using Microsoft.Extensions.Options;
using NcrsGateway.Adapters.Http;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>Cross-field rules on <see cref="ImmunisationOptions"/> that attributes cannot express.</summary>
internal sealed class ImmunisationOptionsRules : IValidateOptions<ImmunisationOptions>
{
    public ValidateOptionsResult Validate(string? name, ImmunisationOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        UpstreamOptionsRules.ValidateBaseUrl(builder, options, ImmunisationOptions.SectionName, ImmunisationOptions.FhirBasePath, "the Immunisation FHIR API");

        UpstreamOptionsRules.ValidateTimeouts(builder, options);
        return builder.Build();
    }
}
