using System.Diagnostics;
using System.Net;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NcrsGateway.FunctionalTests.Resilience;

/// <summary>
/// The outbound budget per upstream against a stand-in PDS that allows 5 reads a second and answers 429 beyond it:
/// the gateway paces its calls under the budget instead of spending PDS's patience, and callers it cannot serve in time
/// get 503 upstream-busy with Retry-After.
/// </summary>
public sealed class UpstreamBudgetTests(ITestOutputHelper output) : IDisposable
{
    private readonly ThrottledPdsUpstream _pds = new(requestsPerSecond: 5);

    public void Dispose() => _pds.Dispose();

    /// <summary>A gateway in front of the stand-in with inbound limits out of the way and PDS's budget set as given.</summary>
    private Task<GatewayHost> StartWithBudgetAsync(string requestsPerSecond, string maxBudgetWait)
    {
        var settings = _pds.Settings();
        settings["RateLimits:Enabled"] = "false";
        settings["Adapters:Pds:RequestsPerSecond"] = requestsPerSecond;
        settings["Adapters:Pds:MaxBudgetWait"] = maxBudgetWait;
        return GatewayHost.StartAsync(settings);
    }

    [Fact]
    public async Task DistinctReads_200At20Concurrency_AgainstPdsAt5PerSecond_SendsNo429AndServesAtTheBudget()
    {
        var settings = _pds.Settings();
        settings["RateLimits:Enabled"] = "false"; // inbound limits out of the way: this is about the outbound budget
        await using var host = await GatewayHost.StartAsync(settings);
        using var client = host.CreateClinicianClient();
        var numbers = TestNhsNumbers.Distinct(200);

        var statuses = await ReadAllAsync(client, numbers, concurrency: 20);

        var served = statuses.Count(s => s.Status == HttpStatusCode.OK);
        output.WriteLine($"served {served} of {numbers.Count}; upstream 200s {_pds.Answered}, upstream 429s {_pds.Throttled}; codes: {string.Join(", ", statuses.GroupBy(s => s.Code).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.Equal(0, _pds.Throttled);
        Assert.Equal(_pds.Answered, served);
        Assert.All(statuses.Where(s => s.Status != HttpStatusCode.OK), s =>
        {
            Assert.Equal("upstream-busy", s.Code);
            Assert.True(s.RetryAfter >= TimeSpan.FromSeconds(1), "every refused caller is told when to come back");
        });
    }

    [Fact]
    public async Task FortyConcurrentCallers_5PerSecondBudget_PdsSeesNo429AndEverySurplusCallerGetsRetryAfterWithin2_5s()
    {
        await using var host = await StartWithBudgetAsync(requestsPerSecond: "5", maxBudgetWait: "00:00:02");
        using var client = host.CreateClinicianClient();
        using var warm = await client.GetAsync("fhir/metadata"); // connections and JIT before the clock starts

        var statuses = await ReadAllAsync(client, TestNhsNumbers.Distinct(40), concurrency: 40);

        var served = statuses.Where(s => s.Status == HttpStatusCode.OK).ToList();
        var surplus = statuses.Where(s => s.Status != HttpStatusCode.OK).ToList();
        output.WriteLine($"served {served.Count}, surplus {surplus.Count}, upstream 429s {_pds.Throttled}, slowest surplus answer {surplus.Select(s => s.Elapsed).DefaultIfEmpty().Max().TotalMilliseconds:F0} ms");
        Assert.Equal(0, _pds.Throttled);
        Assert.Equal(40, statuses.Count);
        Assert.InRange(served.Count, 1, 16); // 5 a second for the 2 s a caller may wait, plus the first
        Assert.Equal(_pds.Answered, served.Count);
        Assert.All(surplus, s =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, s.Status);
            Assert.Equal("upstream-busy", s.Code);
            Assert.NotNull(s.RetryAfter);
            Assert.True(s.RetryAfter >= TimeSpan.FromSeconds(1), "Retry-After is at least a second");
            Assert.True(s.Elapsed < TimeSpan.FromSeconds(2.5), $"a surplus caller waits at most MaxBudgetWait (2 s), answered after {s.Elapsed.TotalMilliseconds:F0} ms");
        });
    }

    [Fact]
    public async Task SustainedDemand_5PerSecondBudget_UsesTheWholeBudgetNotPartOfIt()
    {
        await using var host = await StartWithBudgetAsync(requestsPerSecond: "5", maxBudgetWait: "00:00:02");
        using var client = host.CreateClinicianClient();
        using var warm = await client.GetAsync("fhir/metadata");
        var numbers = TestNhsNumbers.Distinct(3000);
        var next = -1;
        var clock = Stopwatch.StartNew();
        var demand = TimeSpan.FromSeconds(5);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ => // more callers than the budget serves: always some waiting
        {
            while (clock.Elapsed < demand)
            {
                using var response = await client.GetAsync($"fhir/Patient/{numbers[Interlocked.Increment(ref next) % numbers.Count]}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    await Task.Delay(100); // told to come back: a client would, a little later
                }
            }
        }));

        var seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"{_pds.Answered} PDS reads in {seconds:F1} s ({_pds.Answered / seconds:F2}/s), {_pds.Throttled} upstream 429s");
        Assert.Equal(0, _pds.Throttled);
        Assert.True(_pds.Answered >= 0.9 * 5 * demand.TotalSeconds, $"PDS's 5/s was used for only {_pds.Answered} reads in {seconds:F1} s: each read not sent is a patient a clinician waits for");
    }

    [Fact]
    public async Task UpstreamBusy_TellsTheClinicianWhatToDoNext()
    {
        await using var host = await StartWithBudgetAsync(requestsPerSecond: "0.5", maxBudgetWait: "00:00:00");
        using var client = host.CreateClinicianClient();
        var numbers = TestNhsNumbers.Distinct(2);
        using var first = await client.GetAsync($"fhir/Patient/{numbers[0]}");

        using var refused = await client.GetAsync($"fhir/Patient/{numbers[1]}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var text = await FhirAssert.OutcomeAsync(refused, HttpStatusCode.ServiceUnavailable, "upstream-busy");
        Assert.Contains("use local records", text, StringComparison.Ordinal);
        Assert.Contains("Try again in 2 seconds", text, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(1, _pds.Answered + _pds.Throttled); // the refused read never reached PDS
    }

    [Fact]
    public async Task CacheHit_IsServedWhileTheBudgetIsSpent()
    {
        await using var host = await StartWithBudgetAsync(requestsPerSecond: "0.1", maxBudgetWait: "00:00:00");
        using var client = host.CreateClinicianClient();
        var numbers = TestNhsNumbers.Distinct(2);
        using var miss = await client.GetAsync($"fhir/Patient/{numbers[0]}");

        using var hit = await client.GetAsync($"fhir/Patient/{numbers[0]}");
        using var other = await client.GetAsync($"fhir/Patient/{numbers[1]}");

        Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
        await FhirAssert.ResourceAsync<Hl7.Fhir.Model.Patient>(hit);
        Assert.Equal("HIT", hit.Headers.GetValues("X-Cache").Single());
        await FhirAssert.OutcomeAsync(other, HttpStatusCode.ServiceUnavailable, "upstream-busy");
        Assert.Equal(1, _pds.Answered);
    }

    [Fact]
    public async Task Upstream429_PausesTheBudgetInsteadOfOpeningTheBreaker_SoReadsResumeAfterItsRetryAfter()
    {
        var settings = _pds.Settings();
        settings["RateLimits:Enabled"] = "false";
        settings["Adapters:Pds:RequestsPerSecond"] = "50"; // deliberately above the stand-in's 5 a second
        settings["Adapters:Pds:Burst"] = "20";
        settings["Adapters:Pds:MaxRetries"] = "0";
        settings["Adapters:Pds:BreakerMinimumThroughput"] = "2";
        settings["Adapters:Pds:BreakDuration"] = "00:01:00";
        await using var host = await GatewayHost.StartAsync(settings);
        using var client = host.CreateClinicianClient();
        var numbers = TestNhsNumbers.Distinct(21);

        var burst = await ReadAllAsync(client, numbers.Take(20).ToList(), concurrency: 20);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the stand-in's Retry-After: 1
        using var after = await client.GetAsync($"fhir/Patient/{numbers[20]}");

        output.WriteLine($"burst: {burst.Count(s => s.Status == HttpStatusCode.OK)} served, upstream 429s {_pds.Throttled}");
        Assert.True(_pds.Throttled > 0, "the burst went over the stand-in's budget");
        Assert.DoesNotContain(burst, s => s.Code == "upstream-unavailable"); // 429s did not open the breaker
        await FhirAssert.ResourceAsync<Hl7.Fhir.Model.Patient>(after);
    }

    [Fact]
    public async Task Budget_IsSharedThroughRedis_SoTwoInstancesTogetherStayUnderIt()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = _pds.Settings();
        settings["RateLimits:Enabled"] = "false";
        settings["Redis:Configuration"] = redis.Configuration;
        settings["Redis:InstanceName"] = "b" + Guid.NewGuid().ToString("N")[..8] + ":";
        settings["Cache:KeyHashSecret"] = NcrsGateway.FunctionalTests.Caching.SharedRedisGateways.KeyHashSecret;
        await using var a = await GatewayHost.StartAsync(settings);
        await using var b = await GatewayHost.StartAsync(settings);
        using var clientA = a.CreateClinicianClient();
        using var clientB = b.CreateClinicianClient();
        var numbers = TestNhsNumbers.Distinct(60);

        var both = await Task.WhenAll(
            ReadAllAsync(clientA, numbers.Take(30).ToList(), concurrency: 15),
            ReadAllAsync(clientB, numbers.Skip(30).ToList(), concurrency: 15));

        var all = both.SelectMany(r => r).ToList();
        output.WriteLine($"served {all.Count(s => s.Status == HttpStatusCode.OK)} (A {both[0].Count(s => s.Status == HttpStatusCode.OK)}, B {both[1].Count(s => s.Status == HttpStatusCode.OK)}), upstream 429s {_pds.Throttled}");
        Assert.Equal(0, _pds.Throttled);
        Assert.Equal(_pds.Answered, all.Count(s => s.Status == HttpStatusCode.OK));
        Assert.All(all.Where(s => s.Status != HttpStatusCode.OK), s => Assert.Equal("upstream-busy", s.Code));
    }

    [Theory]
    [InlineData("pds", true)]
    [InlineData("pds", false)]
    [InlineData("nrl", true)]
    [InlineData("nrl", false)]
    public async Task Call_ConnectionResetOrClosedWithRetriesOff_IsSentOnce(string upstream, bool reset)
    {
        var path = upstream == "pds" ? UpstreamPaths.Pds : UpstreamPaths.Nrl;
        using RawTcpUpstream fault = reset ? new ResettingUpstream(path) : new ClosingUpstream(path);
        var baseUrl = fault is ResettingUpstream r ? r.BaseUrl : ((ClosingUpstream)fault).BaseUrl;
        var section = upstream == "pds" ? "Adapters:Pds" : "Adapters:Nrl";
        var settings = new Dictionary<string, string?>
        {
            [$"{section}:BaseUrl"] = baseUrl,
            [$"{section}:AccessToken"] = "test-token",
            [$"{section}:MaxRetries"] = "0",
            ["RateLimits:Enabled"] = "false",
        };
        if (upstream == "nrl")
        {
            settings["Adapters:Pds:BaseUrl"] = _pds.BaseUrl; // the pointer search checks the patient first
            settings["Adapters:Pds:AccessToken"] = "test-token";
        }

        await using var host = await GatewayHost.StartAsync(settings);
        var number = TestNhsNumbers.Distinct(1)[0];

        using var response = await host.CreateClinicianClient().GetAsync(upstream == "pds"
            ? $"fhir/Patient/{number}"
            : $"fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{number}");

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.ServiceUnavailable, "upstream-unavailable");
        var sent = fault is ResettingUpstream counted ? counted.Connections : ((ClosingUpstream)fault).Requests;
        output.WriteLine($"{upstream} {(reset ? "reset" : "closed")}: {sent} requests");
        Assert.Equal(1, sent);
    }

    private static async Task<List<(HttpStatusCode Status, string? Code, TimeSpan? RetryAfter, TimeSpan Elapsed)>> ReadAllAsync(
        HttpClient client, IReadOnlyList<string> numbers, int concurrency)
    {
        var results = new List<(HttpStatusCode, string?, TimeSpan?, TimeSpan)>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < numbers.Count)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync($"fhir/Patient/{numbers[i]}");
                var elapsed = clock.Elapsed;
                var code = response.StatusCode == HttpStatusCode.OK ? null : await ErrorCodeAsync(response);
                lock (results)
                {
                    results.Add((response.StatusCode, code, response.Headers.RetryAfter?.Delta, elapsed));
                }
            }
        }));
        return results;
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        var outcome = await FhirAssert.ResourceAsync<Hl7.Fhir.Model.OperationOutcome>(response, response.StatusCode);
        return outcome.Issue[0].Details?.Coding.FirstOrDefault()?.Code;
    }
}
