using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Pds;

/// <summary>DataAnnotations rules on <see cref="PdsOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class PdsOptionsValidator : IValidateOptions<PdsOptions>;
