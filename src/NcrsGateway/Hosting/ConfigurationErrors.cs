using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Hosting;

/// <summary>
/// Turns a start-up failure caused by configuration into one line per error naming the key, e.g.
/// <c>Configuration error: Gateway:PublicBaseUrl is required outside the sandbox (absolute https URL, ...).</c>
/// Anything that is not a configuration error gives no lines (and is left to crash as usual).
/// </summary>
internal static partial class ConfigurationErrors
{
    public const string Prefix = "Configuration error: ";

    public static IReadOnlyList<string> Describe(Exception exception)
    {
        var lines = new List<string>();
        foreach (var e in Flatten(exception))
        {
            var described = e switch
            {
                GatewayConfigurationException c => c.Errors,
                OptionsValidationException o => o.Failures.Select(f => Failure(SectionOf(o.OptionsType), f)).ToList(),
                InvalidOperationException i when UnknownKeys().Match(i.Message) is { Success: true } m => UnknownKeyLines(m),
                InvalidOperationException i when i.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [i.Message],
                _ => null,
            };
            if (described is null)
            {
                return []; // not (only) a configuration problem: let it surface unchanged
            }

            lines.AddRange(described.Select(Line));
        }

        return lines.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<Exception> Flatten(Exception exception) => exception switch
    {
        AggregateException a => a.InnerExceptions.SelectMany(Flatten),
        TargetInvocationException { InnerException: { } inner } => Flatten(inner),
        _ => [exception],
    };

    /// <summary>"Property X: message" (our rules) or "X: message" / DataAnnotations text, qualified with the section.</summary>
    private static string Failure(string? section, string failure)
    {
        var prefix = section is null ? string.Empty : section + ":";
        if (section is not null && failure.StartsWith(prefix, StringComparison.Ordinal))
        {
            return failure; // already names its key
        }

        if (PropertyFailure().Match(failure) is { Success: true } rule)
        {
            return $"{prefix}{rule.Groups["key"].Value.Replace('.', ':')} {rule.Groups["error"].Value}";
        }

        if (AnnotationFailure().Match(failure) is { Success: true } annotation)
        {
            return $"{prefix}{annotation.Groups["key"].Value}: {annotation.Groups["error"].Value}";
        }

        if (MemberFailure().Match(failure) is { Success: true } member)
        {
            var error = member.Groups["error"].Value;
            var path = DisplayPath().Match(error) is { Success: true } display ? display.Groups["path"].Value : member.Groups["key"].Value;
            return $"{prefix}{path.Replace('.', ':')}: {error}";
        }

        return section is null ? failure : $"{section}: {failure}";
    }

    private static List<string> UnknownKeyLines(Match match)
    {
        var section = SectionOf(FindType(match.Groups["type"].Value));
        return match.Groups["keys"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(key => $"{(section is null ? string.Empty : section + ":")}{key.Trim('\'')} is not a known setting (check its spelling, or remove it)")
            .ToList();
    }

    private static string Line(string error)
    {
        var sentence = error.Trim().TrimEnd('.');
        return Prefix + sentence.ReplaceLineEndings(" ") + ".";
    }

    /// <summary>The options class's <c>SectionName</c> constant (every options class here has one).</summary>
    private static string? SectionOf(Type? optionsType) =>
        optionsType?.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;

    private static Type? FindType(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(fullName, throwOnError: false)).FirstOrDefault(t => t is not null);

    [GeneratedRegex(@"^Property (?<key>[^:]+): (?<error>.+)$", RegexOptions.Singleline)]
    private static partial Regex PropertyFailure();

    [GeneratedRegex(@"members: '(?<key>[^']+)' with the error: '(?<error>.+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex AnnotationFailure();

    /// <summary>The compile-time DataAnnotations validator: "Member: message" (nested members dotted).</summary>
    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_.]+): (?<error>.+)$", RegexOptions.Singleline)]
    private static partial Regex MemberFailure();

    /// <summary>The member's full path in a DataAnnotations message, e.g. "The field RateLimitOptions.PerClient.TokenLimit ...".</summary>
    [GeneratedRegex(@"^The (?:field )?[A-Za-z0-9_]+\.(?<path>[A-Za-z0-9_.]+) ")]
    private static partial Regex DisplayPath();

    [GeneratedRegex(@"properties were not found on the instance of (?<type>\S+): (?<keys>.+)$", RegexOptions.Singleline)]
    private static partial Regex UnknownKeys();
}
