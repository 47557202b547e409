using Microsoft.Extensions.Options;

namespace NcrsGateway.Caching.Redis;

/// <summary>DataAnnotations rules on <see cref="RedisOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class RedisOptionsValidator : IValidateOptions<RedisOptions>;
