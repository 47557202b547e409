using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NcrsGateway.Audit;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;

namespace NcrsGateway.Benchmarks.AuditOnly;

/// <summary>
/// The audit trail alone, no HTTP: <c>--concurrency</c> callers each record write-ahead rows back to back for
/// <c>--duration</c> seconds, as the audit middleware does for every request. Prints rows a second and the
/// acknowledgement latency, so the audit pipeline can be measured apart from the request pipeline.
/// Run: <c>dotnet run -c Release --project bench/NcrsGateway.Benchmarks -- audit [--duration 10] [--concurrency 32]</c>.
/// </summary>
internal static class AuditThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var duration = TimeSpan.FromSeconds(double.Parse(Value("--duration") ?? "10", CultureInfo.InvariantCulture));
        var callers = int.Parse(Value("--concurrency") ?? "32", CultureInfo.InvariantCulture);
        var data = Directory.CreateTempSubdirectory("ncrs-bench-audit-only-");
        try
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddAuditTrail(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Audit:DataDirectory"] = data.FullName,
                ["Audit:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Audit:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            }).Build());
            await using var provider = services.BuildServiceProvider();
            var hosted = provider.GetServices<IHostedService>().ToList();
            foreach (var service in hosted)
            {
                await service.StartAsync(CancellationToken.None);
            }

            var trail = provider.GetRequiredService<IAuditTrail>();
            NhsNumber.TryParse(SideBySide.NhsNumbers.Distinct(1)[0], out var patient);
            var latencies = new List<double>[callers];
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
            {
                var mine = latencies[i] = new List<double>(1 << 16);
                while (clock.Elapsed < duration)
                {
                    var started = Stopwatch.GetTimestamp();
                    await trail.RecordAsync(Row(patient), AuditDurability.WriteAhead, CancellationToken.None);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            })));
            var elapsed = clock.Elapsed;
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }

            var all = latencies.SelectMany(l => l).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"audit c={callers}: {all.Count / elapsed.TotalSeconds:F0} rows/s acknowledged, p50 {all[all.Count / 2]:F2} ms, p99 {all[(int)(all.Count * 0.99)]:F2} ms, drained in {clock.Elapsed - elapsed:g}"));
            return 0;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static AuditRecord Row(NhsNumber patient)
    {
        var now = DateTimeOffset.UtcNow;
        return new AuditRecord(Guid.CreateVersion7(now), now, AuditActions.PatientRead, AuditOutcome.Success, null, null,
            "bench-user", "R8000", "A12345", "bench-ws", "bench-app", null, null, patient, Guid.NewGuid().ToString("N"), "GET 200");
    }
}
