using Microsoft.Extensions.Options;

namespace NcrsGateway.Caching;

/// <summary>DataAnnotations rules on <see cref="CacheOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class CacheOptionsValidator : IValidateOptions<CacheOptions>;
