using Microsoft.Extensions.Options;

namespace NcrsGateway.RateLimiting;

/// <summary>DataAnnotations rules on <see cref="RateLimitOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>;
