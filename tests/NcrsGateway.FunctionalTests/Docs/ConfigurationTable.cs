using System.Text.RegularExpressions;

namespace NcrsGateway.FunctionalTests.Docs;

/// <summary>
/// The keys documented in docs/configuration.md: the first cell (in backticks) of each row of its table.
/// A <c>*</c> segment stands for any one segment (<c>Adapters:*:BaseUrl</c>); <c>{…}</c> for any name.
/// </summary>
internal sealed partial class ConfigurationTable
{
    private ConfigurationTable(IReadOnlyList<string> keys) => Keys = keys;

    public IReadOnlyList<string> Keys { get; }

    public static ConfigurationTable Load()
    {
        var keys = new List<string>();
        foreach (var line in RepositoryFiles.Read("docs", "configuration.md").Split('\n'))
        {
            var row = KeyCell().Match(line);
            if (row.Success)
            {
                keys.Add(row.Groups["key"].Value);
            }
        }

        return new ConfigurationTable(keys);
    }

    public static bool Matches(string documented, string bound)
    {
        var pattern = "^" + string.Join(":", Normalise(documented).Split(':').Select(s => s == "*" ? "[^:]+" : Regex.Escape(s))) + "$";
        return Regex.IsMatch(Normalise(bound), pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static string Normalise(string key) => Placeholder().Replace(key.Trim(), "{}");

    [GeneratedRegex(@"^\|\s*`(?<key>[A-Za-z_*{][^`]*)`\s*\|")]
    private static partial Regex KeyCell();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
