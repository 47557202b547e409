using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NcrsGateway.FunctionalTests.Events;

/// <summary>
/// The done-when load test of issue 15: 10,000 MNS events (8,000 distinct, 2,000 duplicates) in shuffled order into two
/// production gateway processes sharing one PostgreSQL and one Redis; one process is SIGKILLed mid-batch and its
/// unanswered deliveries go to the other, as MNS redelivers. Every distinct event must be stored once and processed,
/// none lost; no patient's handled version goes backwards and no cached record stays older than PDS's; at most one
/// re-fetch per patient for the burst.
/// </summary>
public sealed class EventLoadTests(ITestOutputHelper output)
{
    private const int Patients = 400;
    private const int EventsPerPatient = 20;
    private const int Duplicates = 2_000;
    private const int DeliverySize = 100;
    private const int WarmedPatients = 40;
    private const string Source = "https://fhir.nhs.uk/Id/nhsSpineASID/477121000324";
    private static readonly string[] Types = ["pds-record-change-2", "pds-record-change-2", "pds-change-of-gp-2", "pds-death-notification-2", "imms-vaccination-record-change-1"];

    [Fact]
    public async Task TenThousandShuffledEventsWithDuplicates_TwoInstancesOneKilled_EachDistinctEventTakesEffectOnce()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await using var redis = await RedisServer.StartAsync();
        using var pds = new CountingPds();
        var random = new Random(15);
        var patients = NhsNumbers(Patients);
        var distinct = patients.SelectMany(p => Enumerable.Range(0, EventsPerPatient).Select(i => new LoadEvent(
            new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16)).ToString(), Types[random.Next(Types.Length)], p, i + 2))).ToList();
        var sent = distinct.Concat(Enumerable.Range(0, Duplicates).Select(_ => distinct[random.Next(distinct.Count)])).ToArray();
        random.Shuffle(sent);
        var latest = EventsPerPatient + 1;

        var setup = Stopwatch.StartNew();
        var settings = Settings(database, redis, pds);
        using var a = GatewayInstance.Start(settings);
        using var b = GatewayInstance.Start(settings);
        await Task.WhenAll(a.WaitUntilUpAsync(), b.WaitUntilUpAsync());

        // the cache holds version 1 of some patients; then PDS moves every patient to its newest version, which the events announce
        var warmed = patients.Take(WarmedPatients).ToList();
        foreach (var patient in warmed)
        {
            Assert.Equal("W/\"1\"", await a.ETagAsync(patient));
        }

        foreach (var patient in patients)
        {
            pds.SetVersion(patient, latest);
        }

        var clock = Stopwatch.StartNew();
        var deliveries = new ConcurrentQueue<string>(sent.Chunk(DeliverySize).Select(chunk => "[" + string.Join(",", chunk.Select(e => e.Json)) + "]"));
        var totalDeliveries = deliveries.Count;
        var acknowledged = 0;
        var acknowledgedByKilled = 0;
        var redelivered = 0;
        var killed = 0;
        async Task SendAsync(int sender)
        {
            var next = sender;
            while (deliveries.TryDequeue(out var body))
            {
                while (true)
                {
                    var target = Volatile.Read(ref killed) == 0 && next++ % 2 == 0 ? a : b;
                    if (await target.DeliverAsync(body))
                    {
                        if (target == a)
                        {
                            Interlocked.Increment(ref acknowledgedByKilled);
                        }

                        if (Interlocked.Increment(ref acknowledged) == totalDeliveries * 2 / 5 && Interlocked.Exchange(ref killed, 1) == 0)
                        {
                            a.Kill(); // SIGKILL mid-batch: no graceful shutdown, deliveries in flight to it are never answered
                        }

                        break;
                    }

                    Interlocked.Increment(ref redelivered); // as MNS: not acknowledged, so delivered again (to the instance still up)
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(SendAsync));
        var sendTime = clock.Elapsed;
        var rows = await SettledRowsAsync(database);
        var processTime = clock.Elapsed;
        var versions = await HandledVersionsAsync(database);
        var after = new List<string?>();
        foreach (var patient in warmed)
        {
            after.Add(await b.ETagAsync(patient));
        }

        var refetches = pds.Refetches;
        var patientOf = distinct.ToDictionary(e => e.Id, e => e.NhsNumber, StringComparer.Ordinal);
        var bursts = rows.GroupBy(r => patientOf[r.ExternalId]).ToDictionary(g => g.Key, g => g.Select(r => r.Processed).Distinct().Count(), StringComparer.Ordinal); // a burst's rows are settled together
        output.WriteLine($"events sent {sent.Length}, duplicates {Duplicates}, distinct {distinct.Count}, patients {Patients}");
        output.WriteLine($"deliveries {totalDeliveries} of {DeliverySize}; acknowledged by the killed instance before SIGKILL {acknowledgedByKilled}; redelivered after failure {redelivered} (of which answered 503: {a.Unavailable + b.Unavailable})");
        output.WriteLine($"inbox rows {rows.Count}, processed {rows.Count(r => r.Status == "processed")}, rows with >1 attempt {rows.Count(r => r.Attempts > 1)}");
        output.WriteLine($"re-fetches {refetches.Values.Sum()} for {refetches.Count} patients (max per patient {refetches.Values.DefaultIfEmpty(0).Max()}); patients with a death event {distinct.Where(e => e.Type.Contains("death", StringComparison.Ordinal)).Select(e => e.NhsNumber).Distinct().Count()}");
        output.WriteLine($"setup (PostgreSQL, Redis, two processes up, cache warmed) {(setup.Elapsed - clock.Elapsed).TotalSeconds:F1} s");
        output.WriteLine($"bursts handled per patient: max {bursts.Values.Max()}, patients handled in more than one {bursts.Values.Count(n => n > 1)}");
        output.WriteLine($"send {sendTime.TotalSeconds:F1} s, all processed {processTime.TotalSeconds:F1} s after the first delivery");

        Assert.Equal(1, killed);
        Assert.Equal(distinct.Count, rows.Count); // none lost, none stored twice
        Assert.Equal(distinct.Select(e => e.Id).Order(StringComparer.Ordinal), rows.Select(r => r.ExternalId).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("processed", r.Status));
        Assert.Equal(Patients, versions.Count);
        Assert.All(versions, v => Assert.Equal(latest, v)); // shuffled, older versions arriving last: the handled version never went back
        Assert.All(after, etag => Assert.Equal($"W/\"{latest}\"", etag)); // no cached record left older than PDS
        Assert.All(refetches, r => Assert.True(r.Value <= bursts[r.Key], $"a patient was re-fetched {r.Value} times in {bursts[r.Key]} burst(s)"));
    }

    private static Dictionary<string, string?> Settings(string database, RedisServer redis, CountingPds pds)
    {
        var settings = new Dictionary<string, string?>(TestTokens.Settings())
        {
            ["Gateway:PublicBaseUrl"] = GatewayHost.TestPublicBaseUrl,
            ["Ncrs:LaunchUrlTemplate"] = "https://ncrs.test.invalid/launch?nhsNumber={nhsNumber}",
            ["Audit:Provider"] = "Postgres",
            ["Audit:PostgresConnectionString"] = database,
            ["Audit:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), // the same keys on both instances: either reads the other's rows
            ["Audit:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:InstanceName"] = "load" + Guid.NewGuid().ToString("N")[..6] + ":",
            ["Cache:KeyHashSecret"] = "load-test-key-hash-secret-0123456789abcdef",
            ["Adapters:Pds:BaseUrl"] = pds.BaseUrl.ToString(),
            ["Adapters:Pds:AccessToken"] = "load-test-token",
            ["Adapters:Pds:RequestsPerSecond"] = "10000",
            ["Adapters:Pds:Burst"] = "1000",
            ["Adapters:Pds:AttemptTimeout"] = "00:00:20", // a starved CI machine, not a slow PDS: nothing here measures speed
            ["Adapters:Pds:TotalTimeout"] = "00:00:40",
            ["Adapters:Pds:MaxBudgetWait"] = "00:00:30",
            ["Cache:SingleFlightTimeout"] = "00:00:45",
            ["RateLimits:Enabled"] = "false",
            ["Events:SharedSecret"] = EventsGateway.Secret,
            ["Events:CoalesceWindow"] = "00:00:20", // about as long as the batch takes to arrive on a starved machine: one or few bursts per patient
            ["Events:PollInterval"] = "00:00:00.200",
            ["Events:ClaimBatchSize"] = "100",
            ["Events:LeaseDuration"] = "00:00:20",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        return settings;
    }

    private static async Task<List<(string ExternalId, string Status, int Attempts, DateTime? Processed)>> SettledRowsAsync(string database)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)); // a bound for a stuck worker, not a speed assertion
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(timeout.Token);
        while (true)
        {
            await using (var pending = new NpgsqlCommand("SELECT count(*) FROM event_inbox WHERE status = 'pending'", connection))
            {
                if ((long)(await pending.ExecuteScalarAsync(timeout.Token))! == 0)
                {
                    break;
                }
            }

            await Task.Delay(250, timeout.Token);
        }

        var rows = new List<(string, string, int, DateTime?)>();
        await using var all = new NpgsqlCommand("SELECT external_id, status, attempts, processed FROM event_inbox", connection);
        await using var reader = await all.ExecuteReaderAsync(timeout.Token);
        while (await reader.ReadAsync(timeout.Token))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetDateTime(3)));
        }

        return rows;
    }

    private static async Task<List<long>> HandledVersionsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version_id FROM event_patients", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<long>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions;
    }

    /// <summary>Valid (Modulus 11) NHS numbers from 9100000000 up.</summary>
    private static List<string> NhsNumbers(int count)
    {
        var numbers = new List<string>(count);
        for (var stem = 910_000_000; numbers.Count < count; stem++)
        {
            var digits = stem.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sum = digits.Select((d, i) => (d - '0') * (10 - i)).Sum();
            var check = (11 - (sum % 11)) % 11;
            if (check != 10)
            {
                numbers.Add(digits + (char)('0' + check));
            }
        }

        return numbers;
    }

    private sealed record LoadEvent(string Id, string Type, string NhsNumber, int Version)
    {
        public string Json => $$"""{"specversion":"1.0","id":"{{Id}}","source":"{{Source}}","type":"{{Type}}","time":"2026-12-06T18:00:00Z","subject":"{{NhsNumber}}","versionid":"W/\"{{Version}}\""}""";
    }

    /// <summary>The production host (<c>src/NcrsGateway</c>) as a real process on a free loopback port.</summary>
    private sealed class GatewayInstance : IDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http;
        private readonly ConcurrentQueue<string> _errors = new();
        private int _unavailable;

        private GatewayInstance(Process process, int port)
        {
            _process = process;
            _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(TestTokens.Clinician, "load-pc"));
        }

        public static GatewayInstance Start(Dictionary<string, string?> settings)
        {
            var port = FreePort();
            var dll = GatewayProcess.Dll();
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            foreach (var (key, value) in settings)
            {
                start.ArgumentList.Add($"--{key}={value}");
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the gateway process.");
            var instance = new GatewayInstance(process, port);
            process.OutputDataReceived += (_, e) => instance.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => instance.Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return instance;
        }

        public async Task WaitUntilUpAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (true)
            {
                Assert.False(_process.HasExited, "the gateway process exited: " + string.Join("\n", _errors));
                try
                {
                    using var response = await _http.GetAsync("health/live", timeout.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                await Task.Delay(200, timeout.Token);
            }
        }

        public async Task<string?> ETagAsync(string nhsNumber)
        {
            using var response = await _http.GetAsync($"fhir/Patient/{nhsNumber}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"read answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return response.Headers.ETag?.ToString();
        }

        /// <summary>Delivers a batch as MNS does; true when the gateway acknowledged it (200), false when it did not answer.</summary>
        public async Task<bool> DeliverAsync(string batch)
        {
            using var content = new StringContent(batch, Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/cloudevents-batch+json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "events/mns") { Content = content };
            request.Headers.Add("X-Events-Secret", EventsGateway.Secret);
            try
            {
                using var response = await _http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref _unavailable);
                    return false; // the store could not take it: MNS delivers it again
                }

                Assert.True(response.StatusCode == HttpStatusCode.OK, $"delivery answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return false;
            }
        }

        /// <summary>Deliveries answered 503 (the store could not take them just then).</summary>
        public int Unavailable => Volatile.Read(ref _unavailable);

        public void Kill()
        {
            _process.Kill(entireProcessTree: true); // SIGKILL on Linux
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
            _http.Dispose();
        }

        private void Keep(string? line)
        {
            if (line is not null && (line.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Contains("error", StringComparison.OrdinalIgnoreCase)))
            {
                _errors.Enqueue(line);
                while (_errors.Count > 50 && _errors.TryDequeue(out _))
                {
                }
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
