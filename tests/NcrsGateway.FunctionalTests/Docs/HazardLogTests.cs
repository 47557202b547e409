using System.Text.RegularExpressions;

namespace NcrsGateway.FunctionalTests.Docs;

/// <summary>Every test the hazard log names as a guard exists in the test sources.</summary>
public sealed partial class HazardLogTests
{
    [Fact]
    public void EveryTestNamedInGuardedBy_Exists()
    {
        var tests = TestSourceIndex.Load();
        var named = GuardedByNames();

        var missing = named.Where(n => n.Method is null ? !tests.HasClass(n.Class) : !tests.HasMethod(n.Class, n.Method)).ToList();

        Assert.True(named.Count > 20, $"Expected the hazard log to name its guarding tests; found {named.Count}.");
        Assert.True(missing.Count == 0, "docs/hazard-log.md names tests that do not exist: "
            + string.Join(", ", missing.Select(n => n.Method is null ? n.Class : n.Class + "." + n.Method)));
    }

    [Fact]
    public void TestSourceIndex_FindsRealTestsAndRejectsInventedOnes()
    {
        var tests = TestSourceIndex.Load();

        Assert.True(tests.HasMethod(nameof(HazardLogTests), nameof(EveryTestNamedInGuardedBy_Exists)));
        Assert.False(tests.HasMethod(nameof(HazardLogTests), "NoSuchTest_Exists"));
        Assert.False(tests.HasClass("NoSuchClassTests"));
    }

    /// <summary>The <c>Class.Method</c> (or <c>ClassTests</c>) names in backticks in each row's last ("Guarded by") cell.</summary>
    private static List<(string Class, string? Method)> GuardedByNames()
    {
        var names = new List<(string, string?)>();
        var lines = RepositoryFiles.Read("docs", "hazard-log.md").Split('\n');
        var guardedColumn = -1;
        foreach (var line in lines)
        {
            if (!line.TrimStart().StartsWith('|'))
            {
                guardedColumn = -1;
                continue;
            }

            var cells = line.Trim().Trim('|').Split('|');
            var header = Array.FindIndex(cells, c => c.Trim().Equals("Guarded by", StringComparison.OrdinalIgnoreCase));
            if (header >= 0)
            {
                guardedColumn = header;
                continue;
            }

            if (guardedColumn < 0 || cells.Length <= guardedColumn)
            {
                continue;
            }

            foreach (Match name in TestName().Matches(string.Join("|", cells.Skip(guardedColumn))))
            {
                names.Add((name.Groups["class"].Value, name.Groups["method"].Success ? name.Groups["method"].Value : null));
            }
        }

        return names;
    }

    [GeneratedRegex(@"`(?<class>[A-Z]\w*Tests)(?:\.(?<method>\w+))?`")]
    private static partial Regex TestName();
}
