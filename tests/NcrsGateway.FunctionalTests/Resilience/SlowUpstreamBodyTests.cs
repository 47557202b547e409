using System.Net;
using System.Text.Json;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;
using WireMock.ResponseBuilders;

namespace NcrsGateway.FunctionalTests.Resilience;

/// <summary>
/// Upstream timeouts cover the whole response, body included: an upstream that sends its headers at once and then
/// trickles the body (here about 15 s for a small Patient) is cut off at the total timeout, counts as a failure for
/// the breaker, and holds its concurrency slot while it runs.
/// </summary>
public sealed class SlowUpstreamBodyTests
{
    private const string Number = "9434765919";
    private const string Search = "fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|" + Number;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task PdsRead_BodyTrickledPastTheTotalTimeout_Answers504UpstreamTimeout()
    {
        using var upstream = new SlowDripUpstream(UpstreamPaths.Pds, PatientJson(), 10, Pause);
        await using var host = await GatewayHost.StartAsync(PdsSettings(upstream));

        using var response = await host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}");

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.GatewayTimeout, "upstream-timeout");
    }

    [Fact]
    public async Task NrlSearch_BodyTrickledPastTheTotalTimeout_Answers504UpstreamTimeout()
    {
        using var upstream = new SlowDripUpstream(UpstreamPaths.Nrl, JsonSerializer.Serialize(NrlUpstream.SearchSet(), FhirJson.Options), 3, Pause);
        var settings = new Dictionary<string, string?>
        {
            ["Adapters:Nrl:BaseUrl"] = upstream.BaseUrl,
            ["Adapters:Nrl:AccessToken"] = "test-token",
            ["Adapters:Nrl:AttemptTimeout"] = "00:00:01",
            ["Adapters:Nrl:TotalTimeout"] = "00:00:02",
            ["Adapters:Nrl:MaxRetries"] = "0",
        };
        await using var host = await GatewayHost.StartAsync(settings);

        using var response = await host.CreateClinicianClient().GetAsync(Search);

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.GatewayTimeout, "upstream-timeout");
    }

    [Fact]
    public async Task PdsRead_RepeatedSlowDrips_OpenTheBreakerSoTheNextCallIsRefusedWithoutReachingPds()
    {
        using var upstream = new SlowDripUpstream(UpstreamPaths.Pds, PatientJson(), 10, Pause);
        var settings = PdsSettings(upstream);
        settings["Adapters:Pds:BreakerMinimumThroughput"] = "2";
        settings["Adapters:Pds:BreakerFailureRatio"] = "0.5";
        settings["Adapters:Pds:BreakDuration"] = "00:01:00";
        await using var host = await GatewayHost.StartAsync(settings);
        using var client = host.CreateClinicianClient();
        for (var i = 0; i < 2; i++)
        {
            using var slow = await client.GetAsync($"fhir/Patient/{Number}");
            await FhirAssert.OutcomeAsync(slow, HttpStatusCode.GatewayTimeout, "upstream-timeout");
        }

        using var refused = await client.GetAsync($"fhir/Patient/{Number}");

        await FhirAssert.OutcomeAsync(refused, HttpStatusCode.ServiceUnavailable, "upstream-unavailable");
        Assert.Equal(2, upstream.Requests);
    }

    [Fact]
    public async Task PdsRead_SlowDripHoldsItsConcurrencySlotUntilItEnds_SoAnotherCallIsRefusedWithoutReachingPds()
    {
        using var upstream = new SlowDripUpstream(UpstreamPaths.Pds, PatientJson(), 10, Pause);
        var settings = PdsSettings(upstream);
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:05";
        settings["Adapters:Pds:TotalTimeout"] = "00:00:05";
        settings["Adapters:Pds:MaxConcurrentRequests"] = "1";
        await using var host = await GatewayHost.StartAsync(settings);
        using var client = host.CreateClinicianClient();
        var first = client.GetAsync($"fhir/Patient/{Number}");
        while (upstream.Requests == 0 && !first.IsCompleted)
        {
            await Task.Delay(50);
        }

        await Task.Delay(Pause); // the headers are long in: only the body is still trickling

        using var second = await client.GetAsync($"fhir/Patient/{Number}");

        await FhirAssert.OutcomeAsync(second, HttpStatusCode.ServiceUnavailable, "upstream-unavailable");
        Assert.Equal(1, upstream.Requests);
        using var firstResponse = await first;
        await FhirAssert.OutcomeAsync(firstResponse, HttpStatusCode.GatewayTimeout, "upstream-timeout");
    }

    [Fact]
    public async Task PdsRead_BodyLargerThanMaxResponseBodyBytes_Answers502UpstreamErrorWithoutRetrying()
    {
        using var pds = new PdsUpstream();
        var patient = PatientJson();
        var padded = patient[..^1] + new string(' ', 70_000) + "}";
        pds.Server.Given(pds.ReadOf(Number)).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/fhir+json").WithBody(padded));
        var settings = pds.Settings(maxRetries: 2);
        settings["Adapters:Pds:MaxResponseBodyBytes"] = "65536";
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:05"; // generous: this test is not about time
        settings["Adapters:Pds:TotalTimeout"] = "00:00:08";
        await using var host = await GatewayHost.StartAsync(settings);

        using var response = await host.CreateClinicianClient().GetAsync($"fhir/Patient/{Number}");

        await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadGateway, "upstream-error");
        Assert.Equal(1, pds.Calls);
    }

    private static Dictionary<string, string?> PdsSettings(SlowDripUpstream upstream) => new()
    {
        ["Adapters:Pds:BaseUrl"] = upstream.BaseUrl,
        ["Adapters:Pds:AccessToken"] = "test-token",
        ["Adapters:Pds:AttemptTimeout"] = "00:00:01",
        ["Adapters:Pds:TotalTimeout"] = "00:00:02",
        ["Adapters:Pds:MaxRetries"] = "0",
        ["Cache:Enabled"] = "false", // identical reads would otherwise be coalesced into one
    };

    private static string PatientJson() => JsonSerializer.Serialize(PdsUpstream.MinimalPatient(Number, "1"), FhirJson.Options);
}
