using Microsoft.Extensions.Options;

namespace NcrsGateway.RecordLocation;

/// <summary>DataAnnotations rules on <see cref="RecordLocationOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class RecordLocationOptionsValidator : IValidateOptions<RecordLocationOptions>;
