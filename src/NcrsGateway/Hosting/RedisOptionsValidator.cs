using Microsoft.Extensions.Options;

namespace NcrsGateway.Hosting;

/// <summary>DataAnnotations rules on <see cref="RedisOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class RedisOptionsValidator : IValidateOptions<RedisOptions>;
