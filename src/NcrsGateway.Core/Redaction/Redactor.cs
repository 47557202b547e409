using System.Text.RegularExpressions;

namespace NcrsGateway.Core.Redaction;

/// <summary>
/// Removes anything that looks like an NHS number (a run of ten digits, spaced or not) from text bound
/// for logs, traces or metrics. Redaction happens at the source, so nothing downstream has to be trusted.
/// </summary>
public static partial class Redactor
{
    public const string Mask = "[redacted]";

    [GeneratedRegex(@"(?<!\d)\d{3} ?\d{3} ?\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex TenDigits();

    public static string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : TenDigits().Replace(text, Mask);
}
