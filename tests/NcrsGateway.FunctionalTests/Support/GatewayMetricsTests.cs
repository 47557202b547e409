using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NcrsGateway.FunctionalTests.Docs;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Support;

/// <summary>
/// Operators see the gateway's own metrics by organisation, site and client software version, with bounded cardinality;
/// the opt-in Prometheus scrape is never anonymous; and the Grafana dashboard names only metrics a real scrape has.
/// </summary>
public sealed partial class GatewayMetricsTests
{
    private const string Number = "9434765919";

    [Fact]
    public async Task PatientRead_IsCountedByRouteOutcomeUpstreamAndCache_ForItsOrganisationSiteAndClientVersion()
    {
        using var pds = new PdsUpstream();
        pds.Server.Given(pds.ReadOf(Number)).RespondWith(pds.PatientResponse(Number));
        var client = "epr-" + Guid.NewGuid().ToString("N")[..8]; // this test's points, whatever else runs in the process
        var telemetry = new TelemetryCapture();
        await using var host = await GatewayHost.StartAsync(pds.Settings(), telemetry.Attach);
        using var http = host.CreateClinicianClient();
        http.DefaultRequestHeaders.Add("X-Client-Software", client);
        http.DefaultRequestHeaders.Add("X-Client-Version", "4.2.1");
        http.DefaultRequestHeaders.Add("X-Site-ID", "site-north");

        using var first = await http.GetAsync($"fhir/Patient/{Number}");
        using var second = await http.GetAsync($"fhir/Patient/{Number}");
        TelemetryCapture.Flush(host.Services);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var requests = Points(telemetry, "ncrs.gateway.request.duration", client);
        Assert.Contains(requests, t => t["http.route"] == "/fhir/Patient/{nhsNumber}" && t["ncrs.outcome"] == "ok" && t["http.response.status_code"] == "200"
            && t["ncrs.organisation"] == "Y12345" && t["ncrs.site"] == "site-north" && t["ncrs.client.version"] == "4.2.1");
        var upstream = Assert.Single(Points(telemetry, "ncrs.upstream.request.duration", client));
        Assert.Equal("pds", upstream["ncrs.upstream"]); // the same value as the budget's and breaker's series
        Assert.Equal("ok", upstream["ncrs.outcome"]);
        var cache = Points(telemetry, "ncrs.cache.lookups", client);
        Assert.Contains(cache, t => t["ncrs.cache.decision"] == "miss");
        Assert.Contains(cache, t => t["ncrs.cache.decision"] == "hit");
    }

    [Fact]
    public async Task UpstreamRetryAfter_IsRecordedForTheUpstreamAndTheOrganisationSiteAndClientHeldOff()
    {
        using var pds = new PdsUpstream();
        pds.Server.Given(pds.ReadOf(Number)).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30"));
        var client = "epr-" + Guid.NewGuid().ToString("N")[..8];
        var telemetry = new TelemetryCapture();
        await using var host = await GatewayHost.StartAsync(pds.Settings(maxRetries: 0), telemetry.Attach);
        using var http = host.CreateClinicianClient();
        http.DefaultRequestHeaders.Add("X-Client-Software", client);
        http.DefaultRequestHeaders.Add("X-Site-ID", "site-south");

        using var throttled = await http.GetAsync($"fhir/Patient/{Number}");
        TelemetryCapture.Flush(host.Services);

        Assert.NotEqual(HttpStatusCode.OK, throttled.StatusCode);
        var wait = Assert.Single(Points(telemetry, "ncrs.upstream.retry_after", client));
        Assert.Equal("pds", wait["ncrs.upstream"]);
        Assert.Equal("Y12345", wait["ncrs.organisation"]);
        Assert.Equal("site-south", wait["ncrs.site"]);
    }

    [Fact]
    public async Task ValuesOutsideTheConfiguredSets_FoldIntoOther_AndUnsafeHeadersIntoNone()
    {
        using var pds = new PdsUpstream();
        pds.Server.Given(pds.ReadOf(Number)).RespondWith(pds.PatientResponse(Number));
        var settings = pds.Settings();
        settings["Telemetry:Dimensions:Organisations:0"] = "A11111";
        settings["Telemetry:Dimensions:ClientVersions:0"] = "1.0";
        var site = "s" + Guid.NewGuid().ToString("N")[..8];
        var telemetry = new TelemetryCapture();
        await using var host = await GatewayHost.StartAsync(settings, telemetry.Attach);
        using var http = host.CreateClinicianClient();
        http.DefaultRequestHeaders.Add("X-Site-ID", site);
        http.DefaultRequestHeaders.Add("X-Client-Software", "Robert Smith <script>");
        http.DefaultRequestHeaders.Add("X-Client-Version", "9.9");

        using var read = await http.GetAsync($"fhir/Patient/{Number}");
        TelemetryCapture.Flush(host.Services);

        var point = Assert.Single(Points(telemetry, "ncrs.gateway.request.duration", site, "ncrs.site"));
        Assert.Equal("other", point["ncrs.organisation"]); // Y12345 is not in the configured set
        Assert.Equal("other", point["ncrs.client.version"]);
        Assert.Equal("none", point["ncrs.client.name"]); // not a safe token: never recorded
    }

    [Fact]
    public async Task PrometheusScrape_IsRefusedToAnonymousAndClinicians_AndServedToSupport()
    {
        using var pds = new PdsUpstream();
        var settings = pds.Settings();
        settings["Telemetry:Prometheus:Enabled"] = "true";
        await using var host = await GatewayHost.StartAsync(settings);
        using var anonymous = host.CreateClient();
        using var clinician = host.CreateClinicianClient();
        using var support = host.CreateClient(TestTokens.Mint(TestTokens.Support));

        using var refusedAnonymous = await anonymous.GetAsync("metrics");
        using var refusedClinician = await clinician.GetAsync("metrics");
        var scrape = await ScrapeAsync(host, support);

        Assert.Equal(HttpStatusCode.Unauthorized, refusedAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedClinician.StatusCode);
        Assert.Contains("ncrs_gateway_request_duration_seconds_bucket", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrafanaDashboard_NamesOnlyMetricsARealScrapeHas()
    {
        var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("deploy", "grafana", "ncrs-gateway.json"))).RootElement;
        var exprs = dashboard.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)
            .ToList();
        var named = exprs.SelectMany(e => MetricNames().Matches(e).Select(m => m.Value)).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(named);

        var scrape = await ScrapeAfterEveryKindOfCallAsync();
        var exposed = ScrapedNames().Matches(scrape).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var missing = named.Where(n => !exposed.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "Dashboard names metrics the gateway does not expose: " + string.Join(", ", missing));
        Assert.Contains(exprs, e => e.Contains("ncrs_launches_total", StringComparison.Ordinal) && e.Contains("ncrs_client_version", StringComparison.Ordinal));
        Assert.Contains(exprs, e => e.Contains("ncrs_upstream_request_duration_seconds_bucket", StringComparison.Ordinal) && e.Contains("ncrs_upstream", StringComparison.Ordinal));
    }

    /// <summary>
    /// Calls that make every metric the dashboard reads appear: reads (miss, hit), PDS answering 429 with a Retry-After and
    /// 503s that are retried, a refused launch, an audit flush, and inbound rate-limit rejections.
    /// </summary>
    private static async Task<string> ScrapeAfterEveryKindOfCallAsync()
    {
        const string Throttled = "9000000017";
        const string Failing = "9000000033";
        using var pds = new PdsUpstream();
        pds.Server.Given(pds.ReadOf(Number)).RespondWith(pds.PatientResponse(Number));
        pds.Server.Given(pds.ReadOf(Throttled)).RespondWith(PdsUpstream.Outcome(429, "TOO_MANY_REQUESTS").WithHeader("Retry-After", "1"));
        pds.Server.Given(pds.ReadOf(Failing)).RespondWith(PdsUpstream.Outcome(503, "SERVICE_UNAVAILABLE"));
        var settings = pds.Settings(maxRetries: 1);
        settings["Telemetry:Prometheus:Enabled"] = "true";
        settings["RateLimits:Enabled"] = "true";
        settings["RateLimits:PerClient:TokenLimit"] = "15";
        settings["RateLimits:PerClient:TokensPerPeriod"] = "1";
        settings["RateLimits:PerClient:ReplenishmentPeriod"] = "00:10:00";
        settings["Audit:FlushInterval"] = "00:00:00.100";
        await using var host = await GatewayHost.StartAsync(settings);
        using var clinician = new ClinicalContext.ClinicalContextClient(host, TestTokens.Clinician, "ws-metrics");
        using var http = host.CreateClinicianClient();
        using var support = host.CreateClient(TestTokens.Mint(TestTokens.Support));

        foreach (var path in new[] { $"fhir/Patient/{Number}", $"fhir/Patient/{Number}", $"fhir/Patient/{Throttled}", $"fhir/Patient/{Failing}" })
        {
            using var response = await http.GetAsync(path);
        }

        await clinician.LaunchAsync("not-a-selection-token");
        for (var i = 0; i < 20; i++)
        {
            using var spent = await http.GetAsync("fhir/Patient/1234567890");
        }

        // The audit journal flushes on its own timer: scrape until a flush has been seen (bounded).
        var scrape = string.Empty;
        for (var i = 0; i < 50 && !scrape.Contains("ncrs_audit_flush_duration_seconds_bucket", StringComparison.Ordinal); i++)
        {
            if (i > 0)
            {
                await Task.Delay(200);
            }

            scrape = await ScrapeAsync(host, support);
        }

        return scrape;
    }

    private static async Task<string> ScrapeAsync(GatewayHost host, HttpClient support)
    {
        using var response = await support.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Each exported point's tags (as text) of <paramref name="metric"/> whose <paramref name="tag"/> is <paramref name="value"/>.</summary>
    private static List<Dictionary<string, string>> Points(TelemetryCapture telemetry, string metric, string value, string tag = "ncrs.client.name") =>
        [.. telemetry.Metrics.Where(m => m.Name == metric)
            .SelectMany(m => m.MetricPoints)
            .Select(p => TagsOf(p))
            .Where(t => t.TryGetValue(tag, out var v) && v == value)];

    private static Dictionary<string, string> TagsOf(OpenTelemetry.Metrics.MetricPoint point)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return tags;
    }

    [GeneratedRegex(@"\b(?:ncrs|http)_[a-z0-9_]+\b(?=\s*[\[{(])")]
    private static partial Regex MetricNames();

    [GeneratedRegex(@"(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{|\s)")]
    private static partial Regex ScrapedNames();
}
