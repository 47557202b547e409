using Microsoft.Extensions.Options;
using NcrsGateway.Core.Security;

namespace NcrsGateway.Security;

/// <summary>
/// Cross-field rules on <see cref="GatewayAuthenticationOptions"/>: outside the sandbox exactly one key source, a long
/// enough symmetric key that is not obviously made by hand (<see cref="KeyMaterial"/>), an audience, and never the sandbox issuer. In a development host (the sandbox host, which refuses
/// Authority, SigningKey and Issuer before this runs) its own demo key and issuer are used.
/// </summary>
internal sealed class GatewayAuthenticationOptionsRules(bool developmentHost) : IValidateOptions<GatewayAuthenticationOptions>
{
    public const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, GatewayAuthenticationOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        var hasAuthority = options.Authority is not null;
        var hasKey = !string.IsNullOrWhiteSpace(options.SigningKey);
        if (hasAuthority && hasKey)
        {
            builder.AddError("set Authority (OIDC, production) or SigningKey (integration), not both", nameof(options.Authority));
        }
        else if (!hasAuthority && !hasKey && !developmentHost)
        {
            builder.AddError("or Authentication:SigningKey is required: set Authority (OIDC, production) or SigningKey (integration); only the sandbox runs without one", nameof(options.Authority));
        }

        if (options.Authority is { } authority && !(authority.IsAbsoluteUri && (authority.Scheme == Uri.UriSchemeHttps || (!options.RequireHttpsMetadata && authority.Scheme == Uri.UriSchemeHttp))))
        {
            builder.AddError("must be an absolute https URL", nameof(options.Authority));
        }

        if (hasKey)
        {
            if (Decode(options.SigningKey!) is not { } signingKey)
            {
                builder.AddError($"must be base64 of at least {MinimumKeyBytes} bytes", nameof(options.SigningKey));
            }
            else if (KeyMaterial.Weakness(signingKey, MinimumKeyBytes) is { } weakness)
            {
                builder.AddError(weakness, nameof(options.SigningKey));
            }
        }

        if (string.IsNullOrWhiteSpace(options.Audience) && !developmentHost)
        {
            builder.AddError("is required: tokens issued for another service must be refused", nameof(options.Audience));
        }

        if (hasKey && string.IsNullOrWhiteSpace(options.Issuer) && !developmentHost)
        {
            builder.AddError("is required with SigningKey", nameof(options.Issuer));
        }

        if (string.Equals(options.Issuer?.TrimEnd('/'), Hosting.DevelopmentHost.TokenIssuer, StringComparison.OrdinalIgnoreCase))
        {
            builder.AddError("must not be the sandbox issuer: its tokens are never accepted outside the sandbox", nameof(options.Issuer));
        }

        return builder.Build();
    }

    private static byte[]? Decode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }
}
