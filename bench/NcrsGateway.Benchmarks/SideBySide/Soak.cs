using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace NcrsGateway.Benchmarks.SideBySide;

/// <summary>
/// The memory soak (issue 17 item 2): the production gateway (its own process, against the in-process stand-in PDS) and
/// the sandbox host (its own process, with its simulators) under a steady mixed load for the given time, their resident
/// memory sampled throughout. Goal: flat within 10 % after warm-up. <c>bash bench/run --soak 600</c>.
/// </summary>
internal static class Soak
{
    /// <summary>Requests a second sent to each host.</summary>
    public const double RatePerSecond = 100;

    public static async Task<SoakFigures> RunAsync(string root, TimeSpan duration, TextWriter log)
    {
        var interval = TimeSpan.FromSeconds(Math.Clamp(duration.TotalSeconds / 60, 1, 10));
        var warmup = TimeSpan.FromSeconds(Math.Min(60, duration.TotalSeconds / 5));
        await using var pds = await StandInPds.StartAsync();
        var key = RandomNumberGenerator.GetBytes(32);
        var settings = BenchGateway.Settings(pds.BaseUrl, key, "data", nationalBudget: false)
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        await using var gateway = await ChildHost.StartAsync(Path.Combine(root, "src", "NcrsGateway", "bin", "Release", "net10.0", "NcrsGateway.dll"), settings);
        await using var sandbox = await ChildHost.StartAsync(
            Path.Combine(root, "src", "NcrsGateway.Sandbox.Host", "bin", "Release", "net10.0", "NcrsGateway.Sandbox.Host.dll"),
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Logging__LogLevel__Default"] = "Warning" });

        using var toGateway = Client(gateway.Url, BenchGateway.Mint(key));
        using var toSandbox = Client(sandbox.Url, await SandboxTokenAsync(sandbox.Url));
        var gatewayMix = GatewayMix();
        var sandboxMix = SandboxMix();

        var samples = new List<SoakSample>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var load = Task.WhenAll(
            LoadAsync(toGateway, gatewayMix, stop.Token),
            LoadAsync(toSandbox, sandboxMix, stop.Token));
        while (!stop.IsCancellationRequested)
        {
            var sample = new SoakSample(Math.Round(clock.Elapsed.TotalSeconds), Math.Round(gateway.ResidentMiB(), 1), Math.Round(sandbox.ResidentMiB(), 1));
            samples.Add(sample);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"soak {sample.Seconds,5:F0} s  gateway {sample.GatewayMiB,7:F1} MiB  sandbox {sample.SandboxMiB,7:F1} MiB"));
            try
            {
                await Task.Delay(interval, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        var counts = await load;
        samples.Add(new SoakSample(Math.Round(clock.Elapsed.TotalSeconds), Math.Round(gateway.ResidentMiB(), 1), Math.Round(sandbox.ResidentMiB(), 1)));
        return new SoakFigures(duration.TotalSeconds, warmup.TotalSeconds, RatePerSecond, counts[0], counts[1],
            Growth(samples, warmup, s => s.GatewayMiB), Growth(samples, warmup, s => s.SandboxMiB), samples);
    }

    /// <summary>Resident memory after warm-up: the first sample, the last, the highest, and last over first.</summary>
    private static SoakGrowth Growth(List<SoakSample> samples, TimeSpan warmup, Func<SoakSample, double> mib)
    {
        var after = samples.Where(s => s.Seconds >= warmup.TotalSeconds).ToList();
        if (after.Count == 0)
        {
            after = samples;
        }

        var first = mib(after[0]);
        var last = mib(after[^1]);
        return new SoakGrowth(first, last, after.Max(mib), Math.Round((last / first) - 1, 4), Math.Round((after.Max(mib) / after.Min(mib)) - 1, 4));
    }

    /// <summary>Open-loop load at <see cref="RatePerSecond"/>, cycling through the mix; returns how many answers came back, by status.</summary>
    private static async Task<SoakCounts> LoadAsync(HttpClient http, Func<int, HttpRequestMessage>[] mix, CancellationToken stop)
    {
        var counts = new SoakCounts();
        var pending = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var ahead = TimeSpan.FromSeconds(i / RatePerSecond) - clock.Elapsed;
            if (ahead > TimeSpan.FromMilliseconds(1))
            {
                try
                {
                    await Task.Delay(ahead, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var request = mix[i % mix.Length](i);
            pending.Add(SendAsync(http, request, counts));
            if (pending.Count > 1000)
            {
                pending.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(pending);
        return counts;
    }

    private static async Task SendAsync(HttpClient http, HttpRequestMessage request, SoakCounts counts)
    {
        try
        {
            using (request)
            using (var response = await http.SendAsync(request))
            {
                await response.Content.LoadIntoBufferAsync();
                counts.Add((int)response.StatusCode);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            counts.Add(0);
        }
    }

    /// <summary>Mostly cached reads over many patients, some refreshes, searches, refusals and the CapabilityStatement.</summary>
    private static Func<int, HttpRequestMessage>[] GatewayMix()
    {
        var numbers = NhsNumbers.Distinct(2000);
        var zipf = new Capacity.Zipf(numbers.Length, exponent: 1.0, seed: 29);
        HttpRequestMessage Read(int _) => Get("fhir/Patient/" + numbers[zipf.Next()]);
        return
        [
            Read, Read, Read, Read, Read, Read, Read, Read, Read, Read, Read, Read, Read, Read,
            i => NoCache(Get("fhir/Patient/" + numbers[i % numbers.Length])),
            _ => Get("fhir/Patient/1234567890"), // not an NHS number: 400
            i => Get($"fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{numbers[i % 50]}"),
            _ => Get("fhir/metadata"),
            _ => Get("fhir/Nothing/here"), // 404
            Read,
        ];
    }

    /// <summary>The sandbox's demo patients: reads, a refresh, a pointer search, refusals, the CapabilityStatement.</summary>
    private static Func<int, HttpRequestMessage>[] SandboxMix()
    {
        string[] readable = ["9000000009", "9000000017", "9000000025", "9000000033", "9000000041", "9000000084"];
        HttpRequestMessage Read(int i) => Get("fhir/Patient/" + readable[i % readable.Length]);
        return
        [
            Read, Read, Read, Read, Read, Read, Read, Read, Read, Read,
            i => NoCache(Get("fhir/Patient/" + readable[i % readable.Length])),
            _ => Get("fhir/Patient/9000000092"), // no record: 404
            _ => Get("fhir/Patient/9000000000"), // bad check digit: 400
            _ => Get("fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9000000017"),
            _ => Get("fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|9000000009"),
            _ => Get("fhir/metadata"),
            Read, Read, Read, Read,
        ];
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage NoCache(HttpRequestMessage request)
    {
        request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        return request;
    }

    private static HttpClient Client(Uri url, string token)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<string> SandboxTokenAsync(Uri sandbox)
    {
        using var http = new HttpClient { BaseAddress = sandbox };
        using var response = await http.PostAsJsonAsync("sandbox/token", new { user = "demo-clinician" });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString() ?? throw new InvalidOperationException("The sandbox gave no token.");
    }
}

/// <summary>Answers by status (0: no answer).</summary>
public sealed class SoakCounts
{
    private readonly Dictionary<int, long> _byStatus = [];

    public IReadOnlyDictionary<int, long> ByStatus
    {
        get
        {
            lock (_byStatus)
            {
                return new Dictionary<int, long>(_byStatus);
            }
        }
    }

    public void Add(int status)
    {
        lock (_byStatus)
        {
            _byStatus[status] = _byStatus.GetValueOrDefault(status) + 1;
        }
    }
}

/// <summary>One memory sample: seconds since the load started and each process's resident set.</summary>
public sealed record SoakSample(double Seconds, double GatewayMiB, double SandboxMiB);

/// <summary>Resident memory after warm-up, in MiB; growth is last over first, spread is highest over lowest.</summary>
public sealed record SoakGrowth(double FirstMiB, double LastMiB, double MaxMiB, double Growth, double Spread);

/// <summary>What a soak measured.</summary>
public sealed record SoakFigures(
    double DurationSeconds, double WarmupSeconds, double RatePerSecond, SoakCounts Gateway, SoakCounts Sandbox,
    SoakGrowth GatewayMemory, SoakGrowth SandboxMemory, IReadOnlyList<SoakSample> Samples);
