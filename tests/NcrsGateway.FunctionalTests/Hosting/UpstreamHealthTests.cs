using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Hosting;

/// <summary>
/// Readiness reports every configured adapter by its descriptor's name: breaker state and last success, no NHS data; that
/// detail only to the support role, the plain status to everyone else.
/// </summary>
public sealed class UpstreamHealthTests : IDisposable
{
    private const string Number = "9434765919";
    private readonly PdsUpstream _pds = new();

    public void Dispose() => _pds.Dispose();

    [Fact]
    public async Task Ready_AfterUpstreamFaultsOpenTheBreaker_ReportsThatUpstreamDegradedByName()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(PdsUpstream.Outcome(500, "INTERNAL_SERVER_ERROR"));
        var settings = _pds.Settings(maxRetries: 0);
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:05";
        settings["Adapters:Pds:TotalTimeout"] = "00:00:05";
        settings["Adapters:Pds:BreakerMinimumThroughput"] = "2";
        settings["Adapters:Pds:BreakerFailureRatio"] = "0.5";
        settings["Adapters:Pds:BreakDuration"] = "00:01:00";
        settings["Cache:Enabled"] = "false";
        await using var host = await GatewayHost.StartAsync(settings);
        using var client = host.CreateClinicianClient();
        for (var i = 0; i < 3; i++)
        {
            using var failed = await client.GetAsync($"fhir/Patient/{Number}");
            Assert.NotEqual(HttpStatusCode.OK, failed.StatusCode);
        }

        var (status, body, pds) = await ReadyAsync(host);

        Assert.Equal(HttpStatusCode.OK, status); // degraded, still serving
        Assert.Equal("Degraded", pds.GetProperty("status").GetString());
        Assert.Equal("Open", pds.GetProperty("breaker").GetString());
        Assert.Equal("never", pds.GetProperty("lastSuccess").GetString());
        Assert.DoesNotContain(Number, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_AfterASuccessfulRead_ReportsBreakerClosedWithLastSuccessAndNoUnconfiguredAdapter()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(_pds.PatientResponse(Number));
        await using var host = await GatewayHost.StartAsync(_pds.Settings());
        using (var read = await host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var (_, body, pds) = await ReadyAsync(host);

        Assert.Equal("Healthy", pds.GetProperty("status").GetString());
        Assert.Equal("Closed", pds.GetProperty("breaker").GetString());
        Assert.True(DateTimeOffset.TryParse(pds.GetProperty("lastSuccess").GetString(), out _));
        Assert.DoesNotContain("upstream:nrl", body, StringComparison.Ordinal); // NRL has no BaseUrl here: absent
        Assert.DoesNotContain(Number, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_InTheSandbox_ListsEveryAdapterAndTheDocumentsPassThroughWithoutABreaker()
    {
        await using var host = await GatewayHost.StartAsync(); // the sandbox: all four adapters, on simulators

        var (status, body, _) = await ReadyAsync(host);

        Assert.Equal(HttpStatusCode.OK, status);
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks");
        foreach (var name in new[] { "pds", "nrl", "immunisation" })
        {
            Assert.Equal("Closed", checks.GetProperty($"upstream:{name}").GetProperty("breaker").GetString());
        }

        var documents = checks.GetProperty("upstream:documents");
        Assert.Equal("Healthy", documents.GetProperty("status").GetString());
        Assert.Equal("none", documents.GetProperty("breaker").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("clinician")]
    [InlineData("auditor")]
    public async Task Ready_AsJsonForAnonymousOrNonSupportCallers_IsThePlainStatusWithoutDetail(string? role)
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(_pds.PatientResponse(Number));
        await using var host = await GatewayHost.StartAsync(_pds.Settings());
        using var http = role switch
        {
            null => host.CreateClient(),
            "clinician" => host.CreateClinicianClient(),
            _ => host.CreateClient(TestTokens.Mint(TestTokens.Auditor)),
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, "health/ready");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("upstream", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_WithoutJsonAccept_StaysThePlainStatusProbesRead()
    {
        await using var host = await GatewayHost.StartAsync(_pds.Settings());
        using var http = host.CreateClient();

        Assert.Equal("Healthy", await http.GetStringAsync("health/ready"));
    }

    /// <summary>Readiness detail as the one role that may read it (<c>support</c>) sees it.</summary>
    private static async Task<(HttpStatusCode Status, string Body, JsonElement Pds)> ReadyAsync(GatewayHost host)
    {
        using var http = host.CreateClient(TestTokens.Mint(TestTokens.Support));
        using var request = new HttpRequestMessage(HttpMethod.Get, "health/ready");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var pds = JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("upstream:pds").Clone();
        return (response.StatusCode, body, pds);
    }
}
