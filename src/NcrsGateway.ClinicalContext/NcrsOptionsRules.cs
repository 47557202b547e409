using Microsoft.Extensions.Options;

namespace NcrsGateway.ClinicalContext;

/// <summary>The launch template must put the NHS number in exactly one place, and point somewhere safe.</summary>
internal sealed class NcrsOptionsRules(bool developmentHost) : IValidateOptions<NcrsOptions>
{
    public ValidateOptionsResult Validate(string? name, NcrsOptions options)
    {
        var template = options.LaunchUrlTemplate;
        if (string.IsNullOrWhiteSpace(template))
        {
            return ValidateOptionsResult.Skip; // [Required] reports it
        }

        var builder = new ValidateOptionsResultBuilder();
        var first = template.IndexOf(NcrsOptions.NhsNumberPlaceholder, StringComparison.Ordinal);
        if (first < 0 || template.IndexOf(NcrsOptions.NhsNumberPlaceholder, first + 1, StringComparison.Ordinal) >= 0)
        {
            builder.AddError($"must contain {NcrsOptions.NhsNumberPlaceholder} exactly once", nameof(options.LaunchUrlTemplate));
        }

        var sample = template.Replace(NcrsOptions.NhsNumberPlaceholder, "9000000009", StringComparison.Ordinal);
        var relative = template.StartsWith('/') && !template.StartsWith("//", StringComparison.Ordinal);
        if (relative ? !developmentHost : !(Uri.TryCreate(sample, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))))
        {
            builder.AddError("must be an absolute https URL (a '/path' is allowed only with the sandbox)", nameof(options.LaunchUrlTemplate));
        }

        return builder.Build();
    }
}
