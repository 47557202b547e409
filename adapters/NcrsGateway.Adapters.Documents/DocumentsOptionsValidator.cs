using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Documents;

/// <summary>DataAnnotations rules on <see cref="DocumentsOptions"/>, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class DocumentsOptionsValidator : IValidateOptions<DocumentsOptions>;
