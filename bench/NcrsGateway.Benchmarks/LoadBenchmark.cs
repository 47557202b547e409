using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NcrsGateway.Benchmarks;

/// <summary>
/// End-to-end load on one real gateway (Kestrel, loopback, embedded sandbox upstream, SQLite audit):
/// the same Patient read answered from the cache (HIT) and forced upstream with Cache-Control: no-cache
/// (REFRESH), measured side by side in one run, alternating rounds so machine noise hits both.
/// Run: dotnet run -c Release --project bench/NcrsGateway.Benchmarks -- load [requestsPerRound] [concurrency] [rounds] [exporter]
/// With <c>exporter</c> as the fourth argument, spans, metrics and logs are exported (to an in-process exporter that
/// discards them: the gateway's recording and the SDK's batching are measured, not a network), as with OTLP configured.
/// </summary>
internal static class LoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var perRound = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var exporter = args.Length > 3 && args[3] == "exporter";
        // The sandbox writes audit files only inside its own folder (relative to the content root): one of its own, removed after.
        var audit = Path.Combine(Sandbox.Host.SandboxApp.AuditDataDirectory, "bench-" + Guid.NewGuid().ToString("N")[..8]);

        var app = Sandbox.Host.SandboxApp.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Logging.ClearProviders();
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sandbox:Enabled"] = "true", // simulated upstreams and the sandbox token issuer
                ["RateLimits:Enabled"] = "false", // measure the read path, not the limiter's 429s
                ["Audit:DataDirectory"] = audit,
                ["Adapters:Pds:RequestsPerSecond"] = "100000", // the simulated PDS has no agreed rate: measure the gateway, not its budget
                ["Adapters:Pds:Burst"] = "1000",
                ["Adapters:Pds:MaxConcurrentRequests"] = "1000",
            });
            if (exporter)
            {
                DiscardingExporters.Attach(b);
            }
        });
        await app.StartAsync();
        try
        {
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http));
            await RoundAsync(http, 200, concurrency, noCache: false); // warm-up: JIT, connections, cache entry

            var hit = new List<double>();
            var miss = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                hit.Add(await RoundAsync(http, perRound, concurrency, noCache: false));
                miss.Add(await RoundAsync(http, perRound, concurrency, noCache: true));
            }

            var hitMedian = Median(hit);
            var missMedian = Median(miss);
            Console.WriteLine($"requests/round={perRound} concurrency={concurrency} rounds={rounds} exporter={(exporter ? "on" : "off")}");
            Console.WriteLine($"cache HIT     : {hitMedian,10:F0} req/s (median)");
            Console.WriteLine($"upstream MISS : {missMedian,10:F0} req/s (median)");
            Console.WriteLine($"ratio HIT/MISS: {hitMedian / missMedian,10:F2}x");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            var folder = Path.Combine(app.Environment.ContentRootPath, audit);
            await app.DisposeAsync();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<double> RoundAsync(HttpClient http, int requests, int concurrency, bool noCache)
    {
        var remaining = requests;
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "fhir/Patient/9000000017");
                if (noCache)
                {
                    request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
                }

                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of {requests} requests failed: the figures would be meaningless.");
        }

        return requests / watch.Elapsed.TotalSeconds;
    }

    private static async Task<string> TokenAsync(HttpClient http)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "demo-clinician", ["workstation"] = "bench" });
        using var response = await http.PostAsync("sandbox/token", form);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
