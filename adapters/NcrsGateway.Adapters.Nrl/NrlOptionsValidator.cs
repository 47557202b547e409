using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>DataAnnotations rules on <see cref="NrlOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class NrlOptionsValidator : IValidateOptions<NrlOptions>;
