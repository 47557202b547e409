using System.Text.Json;
using NcrsGateway.Benchmarks.SideBySide;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.FunctionalTests.Bench;

/// <summary>
/// A few-second run of <c>bash bench/run</c>'s side-by-side bench (1 s per row, a 3 s capacity scenario): it starts every
/// target, drives each with wrk and writes RESULTS.md and a results.json holding every row. Needs wrk and nginx-light
/// (installed by .ci/services.sh); the figures of so short a run mean nothing and are not checked.
/// </summary>
public sealed class BenchSmokeTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("ncrs-bench-smoke-").FullName;

    public void Dispose() => TempFolder.Delete(_out);

    [Fact]
    public async Task SideBySideBench_ShortRun_WritesResultsWithEveryRowRatioAuditCountAndTheCapacityScenario()
    {
        var root = RepositoryRoot();
        var options = BenchOptions.Parse(["--duration", "1", "--warmup", "0", "--concurrency", "4", "--capacity", "3", "--out", _out], root);

        await SideBySideBench.RunAsync(options, TextWriter.Null);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "results.json")));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(
            ["bare-kestrel", "yarp", "nginx", "gateway-hit", "gateway-hit-no-audit", "gateway-miss", "upstream-direct"],
            rows.Select(r => r.GetProperty("name").GetString()));
        Assert.All(rows, r =>
        {
            Assert.True(r.GetProperty("figures").GetProperty("requests").GetInt64() > 0, $"{r.GetProperty("name")} answered nothing");
            Assert.Equal(0, r.GetProperty("figures").GetProperty("non2xx").GetInt64());
        });
        var ratios = Assert.Single(json.RootElement.GetProperty("ratios").EnumerateArray().ToList());
        Assert.True(ratios.GetProperty("hitOverBare").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("capacity").GetProperty("requests").GetInt32() > 0);
        var audit = json.RootElement.GetProperty("audit");
        Assert.Equal(audit.GetProperty("requestsServed").GetInt64(), audit.GetProperty("rowsStored").GetInt64()); // every request served has its row
        Assert.True(json.RootElement.GetProperty("machine").GetProperty("cores").GetInt32() > 0);
        var results = await File.ReadAllTextAsync(Path.Combine(_out, "RESULTS.md"));
        Assert.Contains("| gateway-hit | 4 |", results, StringComparison.Ordinal);
        Assert.Contains(FirstLine(Path.Combine(root, "bench", "FINDINGS.md")), results, StringComparison.Ordinal); // the measured limits travel with every table

        File.Delete(Path.Combine(_out, "RESULTS.md"));
        await SideBySideBench.RunAsync(BenchOptions.Parse(["--render", "--out", _out], root), TextWriter.Null);
        Assert.Equal(results, await File.ReadAllTextAsync(Path.Combine(_out, "RESULTS.md"))); // --render rewrites it from results.json alone
    }

    private static string FirstLine(string path) => File.ReadLines(path).First();

    private static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "NcrsGateway.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("The repository root was not found above the test output.");
        }

        return dir;
    }
}
