using Microsoft.Extensions.Options;

namespace NcrsGateway.Operations;

/// <summary>DataAnnotations rules on <see cref="OperationsOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class OperationsOptionsValidator : IValidateOptions<OperationsOptions>;
