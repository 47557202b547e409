using Microsoft.Extensions.Options;

namespace NcrsGateway.ClinicalContext;

/// <summary>DataAnnotations rules on <see cref="ClinicalContextOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class ClinicalContextOptionsValidator : IValidateOptions<ClinicalContextOptions>;
