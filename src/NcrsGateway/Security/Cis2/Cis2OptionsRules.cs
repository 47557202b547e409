using Microsoft.Extensions.Options;

namespace NcrsGateway.Security.Cis2;

/// <summary>
/// Cross-field rules on <c>Authentication:Cis2</c> when it is enabled: a UserInfo endpoint (or an authority whose
/// discovery document names one), an https endpoint, and a role map whose codes are plain codes and whose values
/// are gateway roles.
/// </summary>
internal sealed class Cis2OptionsRules : IValidateOptions<GatewayAuthenticationOptions>
{
    public const int MaxCodeLength = 32;

    public ValidateOptionsResult Validate(string? name, GatewayAuthenticationOptions options)
    {
        var cis2 = options.Cis2;
        if (!cis2.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var builder = new ValidateOptionsResultBuilder();
        if (cis2.UserInfoEndpoint is null && options.Authority is null)
        {
            builder.AddError("is required when Authentication:Authority is not set (there is no discovery document to take it from)", "Cis2:UserInfoEndpoint");
        }

        if (cis2.UserInfoEndpoint is { } endpoint && !(endpoint.IsAbsoluteUri && (endpoint.Scheme == Uri.UriSchemeHttps || (!options.RequireHttpsMetadata && endpoint.Scheme == Uri.UriSchemeHttp))))
        {
            builder.AddError("must be an absolute https URL", "Cis2:UserInfoEndpoint");
        }

        if (cis2.RoleMap.Count == 0)
        {
            builder.AddError("must map at least one CIS2 role or activity code to a gateway role (clinician, reader, auditor, support)", "Cis2:RoleMap");
        }

        foreach (var (code, roles) in cis2.RoleMap)
        {
            if (!IsCode(code))
            {
                builder.AddError($"keys must be CIS2 codes of 1-{MaxCodeLength} letters and digits", "Cis2:RoleMap");
            }

            var parsed = Cis2RoleMap.Split(roles);
            if (parsed.Length == 0 || parsed.Any(r => !GatewayRoles.All.Contains(r)))
            {
                builder.AddError($"'{code}' must map to one or more of: {string.Join(", ", GatewayRoles.All)}", "Cis2:RoleMap");
            }
        }

        return builder.Build();
    }

    private static bool IsCode(string code) => code.Length is > 0 and <= MaxCodeLength && code.All(char.IsAsciiLetterOrDigit);
}
