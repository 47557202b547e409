using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace NcrsGateway.Benchmarks.SideBySide;

/// <summary>One wrk run (1 thread, fixed connections, fixed duration) and its figures from bench/wrk/report.lua.</summary>
internal static class Wrk
{
    public static async Task<WrkFigures> RunAsync(Uri url, int connections, TimeSpan duration, string script, IReadOnlyDictionary<string, string> headers)
    {
        var args = new List<string>
        {
            "-t1", $"-c{connections.ToString(CultureInfo.InvariantCulture)}",
            $"-d{Math.Max(1, (int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s",
            "--timeout", "10s", "-s", script,
        };
        foreach (var (name, value) in headers)
        {
            args.Add("-H");
            args.Add($"{name}: {value}");
        }

        args.Add(url.ToString());
        using var process = Process.Start(new ProcessStartInfo(Tools.Wrk, args) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("wrk did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk gave no figures (exit {process.ExitCode}): {output} {errors}");
        using var json = JsonDocument.Parse(line["BENCH ".Length..]);
        var r = json.RootElement;
        var requests = r.GetProperty("requests").GetInt64();
        var seconds = r.GetProperty("durationUs").GetInt64() / 1_000_000.0;
        return new WrkFigures(
            requests,
            requests / seconds,
            r.GetProperty("p50Us").GetInt64() / 1000.0,
            r.GetProperty("p99Us").GetInt64() / 1000.0,
            r.GetProperty("p999Us").GetInt64() / 1000.0,
            r.GetProperty("non2xx").GetInt64(),
            r.GetProperty("socketErrors").GetInt64());
    }
}

/// <summary>What one wrk run measured; latencies in milliseconds.</summary>
public sealed record WrkFigures(long Requests, double RequestsPerSecond, double P50Ms, double P99Ms, double P999Ms, long Non2xx, long SocketErrors);
