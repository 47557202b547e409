using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>DataAnnotations rules on <see cref="ImmunisationOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class ImmunisationOptionsValidator : IValidateOptions<ImmunisationOptions>;
