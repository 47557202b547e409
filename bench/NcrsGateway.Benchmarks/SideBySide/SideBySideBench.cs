using System.Globalization;

namespace NcrsGateway.Benchmarks.SideBySide;

/// <summary>
/// Side by side in one run: bare Kestrel serving the gateway's own cached Patient bytes, plain YARP and nginx in front of
/// it, the gateway on a cache hit and on a miss against a fast local stand-in PDS, and that stand-in called directly, each
/// driven by wrk (1 thread) at fixed concurrencies; then the miss path's added p99 at half its load, and the capacity
/// scenario. Writes <c>RESULTS.md</c> and <c>results.json</c>. Run with <c>bash bench/run</c>.
/// </summary>
public static class SideBySideBench
{
    public static async Task<BenchReport> RunAsync(BenchOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (Tools.Missing() is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        var findings = Path.Combine(options.RepositoryRoot, "bench", Report.FindingsFile);
        if (options.Render)
        {
            return await Report.RerenderAsync(options.OutputDirectory, findings);
        }

        var started = DateTimeOffset.UtcNow;
        var machine = Machine.Describe();
        if (options.Profile > TimeSpan.Zero)
        {
            await ProfileTarget.RunAsync(options.RepositoryRoot, options.Profile, options.Concurrencies[0], log);
            return new BenchReport(started, machine, 0, [], [], [], new MissOverhead(0, 0, 0, 0, 0), null!, options.Note);
        }

        if (options.Soak > TimeSpan.Zero)
        {
            var soak = await Soak.RunAsync(options.RepositoryRoot, options.Soak, log);
            await Report.WriteSoakAsync(new SoakReport(started, machine, soak, options.Note), options.OutputDirectory);
            return new BenchReport(started, machine, 0, [], [], [], new MissOverhead(0, 0, 0, 0, 0), null!, options.Note) { Soak = soak };
        }

        var script = Path.Combine(options.RepositoryRoot, "bench", "wrk", "report.lua");
        var patient = NhsNumbers.Distinct(1)[0];
        var rows = new List<BenchRow>();
        MissOverhead miss;
        AuditCost audit;

        await using (var upstream = await StandInPds.StartAsync())
        await using (var gateway = await BenchGateway.StartAsync(upstream.BaseUrl, nationalBudget: false))
        await using (var unaudited = await BenchGateway.StartAsync(upstream.BaseUrl, nationalBudget: false, audit: false))
        {
            using var http = gateway.CreateClient();
            using (await http.GetAsync("fhir/Patient/" + patient))
            {
            }

            using (var warm = unaudited.CreateClient())
            using (await warm.GetAsync("fhir/Patient/" + patient))
            {
            }

            using var cached = await http.GetAsync("fhir/Patient/" + patient);
            var body = await cached.Content.ReadAsByteArrayAsync();
            if (!cached.Headers.TryGetValues("X-Cache", out var hit) || hit.FirstOrDefault() != "HIT")
            {
                throw new InvalidOperationException($"The gateway did not answer from its cache ({(int)cached.StatusCode}): the figures would be meaningless.");
            }

            var (bare, bareUrl) = await Servers.BareAsync(body, cached.Content.Headers.ContentType!.ToString());
            var (yarp, yarpUrl) = await Servers.YarpAsync(bareUrl);
            var (nginx, nginxUrl, nginxPrefix) = await Servers.NginxAsync(bareUrl);
            try
            {
                var auth = new Dictionary<string, string> { ["Authorization"] = "Bearer " + gateway.Token };
                var targets = new (string Name, Uri Url, IReadOnlyDictionary<string, string> Headers)[]
                {
                    ("bare-kestrel", new Uri(bareUrl, "fhir/Patient/" + patient), new Dictionary<string, string>()),
                    ("yarp", new Uri(yarpUrl, "fhir/Patient/" + patient), new Dictionary<string, string>()),
                    ("nginx", new Uri(nginxUrl, "fhir/Patient/" + patient), new Dictionary<string, string>()),
                    ("gateway-hit", new Uri(gateway.Url, "fhir/Patient/" + patient), auth),
                    ("gateway-hit-no-audit", new Uri(unaudited.Url, "fhir/Patient/" + patient), new Dictionary<string, string> { ["Authorization"] = "Bearer " + unaudited.Token }),
                    ("gateway-miss", new Uri(gateway.Url, "fhir/Patient/" + patient), new Dictionary<string, string>(auth) { ["Cache-Control"] = "no-cache" }),
                    ("upstream-direct", new Uri(upstream.BaseUrl, "Patient/" + patient), new Dictionary<string, string>()),
                };
                foreach (var connections in options.Concurrencies)
                {
                    foreach (var (name, url, headers) in targets)
                    {
                        if (options.Warmup > TimeSpan.Zero)
                        {
                            await Wrk.RunAsync(url, connections, options.Warmup, script, headers);
                        }

                        var allocated = GC.GetTotalAllocatedBytes();
                        var figures = await Wrk.RunAsync(url, connections, options.Duration, script, headers);
                        allocated = GC.GetTotalAllocatedBytes() - allocated;
                        rows.Add(new BenchRow(name, connections, figures) { AllocatedBytesPerRequest = Math.Round((double)allocated / Math.Max(1, figures.Requests)) });
                        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"{name,-16} c={connections,-3} {figures.RequestsPerSecond,9:F0} req/s  p50 {figures.P50Ms,7:F2} ms  p99 {figures.P99Ms,7:F2} ms  p99.9 {figures.P999Ms,7:F2} ms  non-2xx {figures.Non2xx}"));
                    }
                }

                miss = await MeasureMissOverheadAsync(gateway, upstream, patient, rows, options);
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"miss at {miss.RatePerSecond:F0}/s: gateway p99 {miss.GatewayP99Ms:F2} ms, upstream direct p99 {miss.UpstreamP99Ms:F2} ms, added {miss.AddedP99Ms:F2} ms"));
                var served = gateway.Served;
                var stored = await gateway.StopAndCountAuditRowsAsync();
                audit = AuditCostOf(rows, options.Concurrencies[0], stored, served);
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"audit: hit throughput cost {audit.Cost:P1}; {audit.RowsStored} rows stored for {audit.RequestsServed} requests served"));
            }
            finally
            {
                nginx.Kill(entireProcessTree: true);
                await nginx.WaitForExitAsync();
                nginx.Dispose();
                Directory.Delete(nginxPrefix, recursive: true);
                await yarp.DisposeAsync();
                await bare.DisposeAsync();
            }
        }

        var capacity = await Capacity.RunAsync(options.CapacityDuration);
        await log.WriteLineAsync("capacity: " + capacity);

        var report = new BenchReport(started, machine, options.Duration.TotalSeconds, options.Concurrencies, rows, Ratios(rows, options.Concurrencies), miss, capacity, options.Note) { Audit = audit };
        await Report.WriteAsync(report, options.OutputDirectory, findings);
        return report;
    }

    private static async Task<MissOverhead> MeasureMissOverheadAsync(BenchGateway gateway, StandInPds upstream, string patient, List<BenchRow> rows, BenchOptions options)
    {
        var max = rows.Where(r => r.Name == "gateway-miss").Max(r => r.Figures.RequestsPerSecond);
        var rate = Math.Max(10, Math.Round(max / 2));
        var duration = options.Duration < TimeSpan.FromSeconds(10) ? options.Duration : TimeSpan.FromSeconds(10);
        using var toGateway = gateway.CreateClient();
        using var toUpstream = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = upstream.BaseUrl };
        var viaGateway = await OpenLoad.RunAsync(toGateway, rate, duration, _ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "fhir/Patient/" + patient);
            request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
            return request;
        });
        var direct = await OpenLoad.RunAsync(toUpstream, rate, duration, _ => new HttpRequestMessage(HttpMethod.Get, "Patient/" + patient));
        var gatewayP99 = OpenLoad.Percentile(viaGateway.Select(a => a.Latency), 99);
        var upstreamP99 = OpenLoad.Percentile(direct.Select(a => a.Latency), 99);
        return new MissOverhead(rate, gatewayP99, upstreamP99, gatewayP99 - upstreamP99, viaGateway.Count(a => a.Status != 200));
    }

    /// <summary>Hit throughput with audit recording against without, and rows stored against requests served (whole run).</summary>
    private static AuditCost AuditCostOf(List<BenchRow> rows, int connections, long stored, long served)
    {
        var with = rows.Single(r => r.Name == "gateway-hit" && r.Concurrency == connections).Figures.RequestsPerSecond;
        var without = rows.Single(r => r.Name == "gateway-hit-no-audit" && r.Concurrency == connections).Figures.RequestsPerSecond;
        return new AuditCost(connections, with, without, Math.Round(1 - (with / without), 3), stored, served);
    }

    private static List<BenchRatios> Ratios(List<BenchRow> rows, IReadOnlyList<int> concurrencies) =>
        [.. concurrencies.Select(c =>
        {
            double Rps(string name) => rows.Single(r => r.Name == name && r.Concurrency == c).Figures.RequestsPerSecond;
            return new BenchRatios(
                c,
                Math.Round(Rps("gateway-hit") / Rps("bare-kestrel"), 3),
                Math.Round(Rps("gateway-hit") / Rps("yarp"), 3),
                Math.Round(Rps("gateway-hit") / Rps("nginx"), 3),
                Math.Round(Rps("nginx") / Rps("bare-kestrel"), 3),
                Math.Round(Rps("yarp") / Rps("bare-kestrel"), 3),
                Math.Round(Rps("gateway-miss") / Rps("upstream-direct"), 3));
        })];
}

/// <summary>
/// How the bench runs: <c>--duration</c>, <c>--warmup</c>, <c>--concurrency</c> (comma list), <c>--capacity</c> seconds,
/// <c>--out</c>, <c>--note</c>; <c>--render</c> only rewrites RESULTS.md from results.json and FINDINGS.md; <c>--soak</c> seconds runs the memory soak instead (SOAK.md, soak.json); <c>--profile</c>
/// seconds loads a separate gateway process's cache hit for a profiler instead.
/// </summary>
public sealed record BenchOptions(
    string RepositoryRoot, string OutputDirectory, TimeSpan Duration, TimeSpan Warmup, IReadOnlyList<int> Concurrencies, TimeSpan CapacityDuration, string? Note)
{
    /// <summary>The memory soak's length; zero: the side-by-side table.</summary>
    public TimeSpan Soak { get; init; }

    /// <summary>How long to load the cache hit of a separate gateway process for a profiler (<c>--profile</c>); zero: not.</summary>
    public TimeSpan Profile { get; init; }

    /// <summary><c>--render</c>: measure nothing, write RESULTS.md again from the output folder's results.json and FINDINGS.md.</summary>
    public bool Render { get; init; }

    public static BenchOptions Parse(string[] args, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        double Seconds(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            repositoryRoot,
            Value("--out") ?? Path.Combine(repositoryRoot, "bench"),
            TimeSpan.FromSeconds(Seconds("--duration", 10)),
            TimeSpan.FromSeconds(Seconds("--warmup", 2)),
            (Value("--concurrency") ?? "32").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList(),
            TimeSpan.FromSeconds(Seconds("--capacity", 60)),
            Value("--note"))
        {
            Soak = TimeSpan.FromSeconds(Seconds("--soak", 0)),
            Profile = TimeSpan.FromSeconds(Seconds("--profile", 0)),
            Render = args.Contains("--render"),
        };
    }
}
