using System.Text;
using System.Text.RegularExpressions;

namespace NcrsGateway.Core.Redaction;

/// <summary>
/// Removes anything that looks like an NHS number from text bound for logs, traces or metrics, in every form a URL can
/// carry one that the gateway accepts: ten digits, grouped 3-3-4 by a space, '+', '-', <c>%20</c> or <c>%2B</c>, and any
/// digit percent-encoded (<c>%39</c> is '9'). Query strings keep only their parameter names
/// (<see cref="RedactQuery"/>): their values hold names, postcodes and birth dates that no pattern can find.
/// Redaction happens at the source, so nothing downstream has to be trusted.
/// </summary>
public static partial class Redactor
{
    public const string Mask = "[redacted]";

    private const int MaxQueryParameters = 20;
    private const int MaxParameterNameLength = 40;

    // D: a digit, raw or percent-encoded; S: an optional group separator, raw or percent-encoded.
    private const string Digit = @"(?:\d|%3\d)";
    private const string Separator = @"(?:[ +\-]|%20|%2[bB]|%2[dD])?";

    [GeneratedRegex($@"(?<!\d)(?<!%3){Digit}{Digit}{Digit}{Separator}{Digit}{Digit}{Digit}{Separator}{Digit}{Digit}{Digit}{Digit}(?!\d|%3\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NhsNumberLike();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_\-:.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();

    /// <summary>The text with every NHS-number-like run replaced by <see cref="Mask"/>.</summary>
    /// <param name="text">Text bound for telemetry.</param>
    public static string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : NhsNumberLike().Replace(text, Mask);

    /// <summary>
    /// A query string reduced to its parameter names, each value replaced by <see cref="Mask"/>
    /// (<c>?family=Smith&amp;given=Jo</c> becomes <c>?family=[redacted]&amp;given=[redacted]</c>). A name that is not a
    /// plain parameter name (letters, digits, '_', '-', ':', '.'; at most 40 characters) is masked too, and at most
    /// 20 parameters are kept. Empty when there is no query.
    /// </summary>
    /// <param name="query">The raw query string, with or without its leading '?'.</param>
    public static string RedactQuery(string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return string.Empty;
        }

        var text = new StringBuilder("?");
        var kept = 0;
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (kept == MaxQueryParameters)
            {
                text.Append("&…");
                break;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((equals < 0 ? part : part[..equals]).Replace('+', ' '));
            if (kept++ > 0)
            {
                text.Append('&');
            }

            text.Append(IsPlainName(name) ? name : Mask);
            if (equals >= 0)
            {
                text.Append('=').Append(Mask);
            }
        }

        return text.ToString();
    }

    private static bool IsPlainName(string name) =>
        name.Length <= MaxParameterNameLength && ParameterName().IsMatch(name) && Redact(name) == name;
}
