using System.Globalization;
using System.Security.Cryptography;

namespace NcrsGateway.Benchmarks.SideBySide;

/// <summary>
/// <c>bash bench/run --profile 30</c>: the production gateway (Release) as its own process, one patient cached, then wrk on
/// the cache hit for that long. It prints the gateway's process id first so a profiler can attach
/// (<c>dotnet-trace collect -p PID --profile cpu-sampling</c>, <c>dotnet-counters monitor -p PID</c>).
/// </summary>
internal static class ProfileTarget
{
    public static async Task RunAsync(string root, TimeSpan duration, int connections, TextWriter log)
    {
        await using var pds = await StandInPds.StartAsync();
        var key = RandomNumberGenerator.GetBytes(32);
        var settings = BenchGateway.Settings(pds.BaseUrl, key, "data", nationalBudget: false)
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        await using var gateway = await ChildHost.StartAsync(Path.Combine(root, "src", "NcrsGateway", "bin", "Release", "net10.0", "NcrsGateway.dll"), settings);
        var patient = NhsNumbers.Distinct(1)[0];
        var token = BenchGateway.Mint(key);
        using (var http = new HttpClient { BaseAddress = gateway.Url })
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var first = await http.GetAsync("fhir/Patient/" + patient);
            first.EnsureSuccessStatusCode();
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"PID {gateway.ProcessId}"));
        await log.FlushAsync();
        var script = Path.Combine(root, "bench", "wrk", "report.lua");
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
        var figures = await Wrk.RunAsync(new Uri(gateway.Url, "fhir/Patient/" + patient), connections, duration, script, headers);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"gateway-hit (own process) c={connections} {figures.RequestsPerSecond:F0} req/s  p50 {figures.P50Ms:F2} ms  p99 {figures.P99Ms:F2} ms  non-2xx {figures.Non2xx}"));
    }
}
