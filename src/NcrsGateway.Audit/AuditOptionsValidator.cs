using Microsoft.Extensions.Options;

namespace NcrsGateway.Audit;

/// <summary>DataAnnotations rules on <see cref="AuditOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class AuditOptionsValidator : IValidateOptions<AuditOptions>;
