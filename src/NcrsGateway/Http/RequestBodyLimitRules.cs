using Microsoft.Extensions.Options;

namespace NcrsGateway.Http;

/// <summary>Checks <see cref="GatewayOptions.MaxRequestBodyBytes"/> at start: small, but enough for any operation's Parameters.</summary>
internal sealed class RequestBodyLimitRules : IValidateOptions<GatewayOptions>
{
    public const long Minimum = 1024;
    public const long Maximum = 16 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, GatewayOptions options) =>
        options.MaxRequestBodyBytes is < Minimum or > Maximum
            ? ValidateOptionsResult.Fail($"Gateway:MaxRequestBodyBytes must be from {Minimum} to {Maximum} bytes.")
            : ValidateOptionsResult.Success;
}
