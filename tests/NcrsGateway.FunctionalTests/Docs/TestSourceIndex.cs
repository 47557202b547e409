using System.Text.RegularExpressions;

namespace NcrsGateway.FunctionalTests.Docs;

/// <summary>
/// The test classes and methods declared in the repository's test sources (tests/**/*.cs), read as text: a
/// method belongs to the last class declared before it in its file; a class also has its base classes' methods.
/// </summary>
internal sealed partial class TestSourceIndex
{
    private readonly Dictionary<string, HashSet<string>> _methods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _bases = new(StringComparer.Ordinal);

    public static TestSourceIndex Load()
    {
        var index = new TestSourceIndex();
        foreach (var file in RepositoryFiles.SourceFiles("tests", "*.cs"))
        {
            index.Add(File.ReadAllText(file));
        }

        return index;
    }

    public bool HasClass(string name) => _methods.ContainsKey(name);

    public bool HasMethod(string className, string method)
    {
        for (var current = className; current is not null; current = _bases.GetValueOrDefault(current))
        {
            if (_methods.TryGetValue(current, out var methods) && methods.Contains(method))
            {
                return true;
            }
        }

        return false;
    }

    private void Add(string source)
    {
        var classes = ClassDeclaration().Matches(source).ToList();
        foreach (var declaration in classes)
        {
            var name = declaration.Groups["name"].Value;
            if (!_methods.ContainsKey(name))
            {
                _methods[name] = new HashSet<string>(StringComparer.Ordinal);
            }

            if (declaration.Groups["base"].Success)
            {
                _bases.TryAdd(name, declaration.Groups["base"].Value);
            }
        }

        foreach (Match method in MethodDeclaration().Matches(source))
        {
            var owner = classes.LastOrDefault(c => c.Index < method.Index);
            if (owner is not null)
            {
                _methods[owner.Groups["name"].Value].Add(method.Groups["name"].Value);
            }
        }
    }

    [GeneratedRegex(@"\bclass\s+(?<name>\w+)(?:<[^>]*>)?(?:\([^)]*\))?\s*(?::\s*(?<base>\w+))?")]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"\b(?:void|Task|ValueTask)\s+(?<name>\w+)\s*\(")]
    private static partial Regex MethodDeclaration();
}
