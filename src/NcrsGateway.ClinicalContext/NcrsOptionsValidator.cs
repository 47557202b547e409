using Microsoft.Extensions.Options;

namespace NcrsGateway.ClinicalContext;

/// <summary>DataAnnotations rules on <see cref="NcrsOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class NcrsOptionsValidator : IValidateOptions<NcrsOptions>;
