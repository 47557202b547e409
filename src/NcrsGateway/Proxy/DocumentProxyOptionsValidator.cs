using Microsoft.Extensions.Options;

namespace NcrsGateway.Proxy;

/// <summary>DataAnnotations rules on <see cref="DocumentProxyOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class DocumentProxyOptionsValidator : IValidateOptions<DocumentProxyOptions>;
