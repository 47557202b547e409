using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Mns;

/// <summary>DataAnnotations rules on <see cref="MnsOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class MnsOptionsValidator : IValidateOptions<MnsOptions>;
