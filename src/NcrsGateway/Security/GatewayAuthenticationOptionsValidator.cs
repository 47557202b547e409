using Microsoft.Extensions.Options;

namespace NcrsGateway.Security;

/// <summary>DataAnnotations rules on <see cref="GatewayAuthenticationOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class GatewayAuthenticationOptionsValidator : IValidateOptions<GatewayAuthenticationOptions>;
