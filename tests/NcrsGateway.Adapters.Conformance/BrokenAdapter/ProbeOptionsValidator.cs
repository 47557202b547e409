using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

/// <summary>DataAnnotations rules on <see cref="ProbeOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class ProbeOptionsValidator : IValidateOptions<ProbeOptions>;
