using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Events;

/// <summary>
/// <c>POST /sandbox/mns/emit</c>, step by step as docs/events.md's sandbox walkthrough does it: sandbox tokens, a read,
/// an emitted change, the operator list, a second read. The sandbox's events run on its own generated secret and the
/// default worker settings.
/// </summary>
public sealed class SandboxMnsEmitTests
{
    [Fact]
    public async Task EmittedRecordChange_NextReadCarriesTheNewVersionAndANewRetrievalTime()
    {
        await using var host = await GatewayHost.StartAsync();
        using var walkthrough = await Walkthrough.StartAsync(host);

        using var before = await walkthrough.ReadAsync(SandboxPatients.Search);
        using var cached = await walkthrough.ReadAsync(SandboxPatients.Search);
        var emitted = await walkthrough.EmitAsync(("type", "pds-record-change-2"), ("nhsNumber", SandboxPatients.Search));
        await walkthrough.ProcessedAsync(emitted.GetProperty("id").GetString()!);
        using var after = await walkthrough.ReadAsync(SandboxPatients.Search);

        Assert.Equal(Header(before, "X-Retrieved-At"), Header(cached, "X-Retrieved-At")); // served from the cache until the event
        Assert.Equal("W/\"3\"", before.Headers.ETag?.ToString());
        Assert.Equal("W/\"4\"", emitted.GetProperty("pdsVersionId").GetString());
        Assert.Equal(200, emitted.GetProperty("ingestionStatus").GetInt32());
        Assert.Equal("W/\"4\"", after.Headers.ETag?.ToString());
        Assert.NotEqual(Header(before, "X-Retrieved-At"), Header(after, "X-Retrieved-At"));
    }

    [Fact]
    public async Task EmittingTheSameIdAgain_IsAcknowledgedAndStoredOnce()
    {
        await using var host = await GatewayHost.StartAsync();
        using var walkthrough = await Walkthrough.StartAsync(host);

        var first = await walkthrough.EmitAsync(("type", "pds-change-of-gp-2"), ("nhsNumber", SandboxPatients.Minimal), ("id", "walkthrough-dup"));
        var again = await walkthrough.EmitAsync(("type", "pds-change-of-gp-2"), ("nhsNumber", SandboxPatients.Minimal), ("id", "walkthrough-dup"));
        await walkthrough.ProcessedAsync("walkthrough-dup");
        var listed = await walkthrough.ListAsync();

        Assert.Equal(200, first.GetProperty("ingestionStatus").GetInt32());
        Assert.Equal(200, again.GetProperty("ingestionStatus").GetInt32());
        Assert.Single(listed, e => e.GetProperty("externalId").GetString() == "walkthrough-dup");
    }

    [Fact]
    public async Task EmittedOlderVersion_LeavesTheNewerCachedRecordInPlace()
    {
        await using var host = await GatewayHost.StartAsync();
        using var walkthrough = await Walkthrough.StartAsync(host);
        var change = await walkthrough.EmitAsync(("type", "pds-record-change-2"), ("nhsNumber", SandboxPatients.Search));
        await walkthrough.ProcessedAsync(change.GetProperty("id").GetString()!);
        using var current = await walkthrough.ReadAsync(SandboxPatients.Search);

        var late = await walkthrough.EmitAsync(("type", "pds-record-change-2"), ("nhsNumber", SandboxPatients.Search), ("versionid", "3"));
        var settled = await walkthrough.ProcessedAsync(late.GetProperty("id").GetString()!);
        using var after = await walkthrough.ReadAsync(SandboxPatients.Search);

        Assert.Equal("W/\"4\"", late.GetProperty("pdsVersionId").GetString()); // PDS is not made older either
        Assert.StartsWith("covered", settled.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("W/\"4\"", after.Headers.ETag?.ToString());
        Assert.Equal(Header(current, "X-Retrieved-At"), Header(after, "X-Retrieved-At"));
    }

    [Fact]
    public async Task EmittedDeath_CancelsTheOpenSelection_AndTheNextLaunchIsRefused()
    {
        await using var host = await GatewayHost.StartAsync();
        using var walkthrough = await Walkthrough.StartAsync(host);
        using var clinician = new ClinicalContext.ClinicalContextClient(host, TestTokens.Clinician, "walkthrough-pc");
        var selection = await clinician.SelectTokenAsync(SandboxPatients.SameFamily);

        var death = await walkthrough.EmitAsync(("type", "pds-death-notification-2"), ("nhsNumber", SandboxPatients.SameFamily));
        await walkthrough.ProcessedAsync(death.GetProperty("id").GetString()!);
        var launch = await clinician.LaunchAsync(selection);

        Assert.Equal(HttpStatusCode.Conflict, launch.Status);
        Assert.Equal("selection-cancelled", launch.ErrorCode);
    }

    [Theory]
    [InlineData("pds-record-change-2", SandboxPatients.BadCheckDigit)]
    [InlineData("", SandboxPatients.Search)]
    [InlineData("not a type", SandboxPatients.Search)]
    public async Task EmitWithBadFields_Is400WithAnOperationOutcome(string type, string nhsNumber)
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await client.PostAsync("sandbox/mns/emit", new FormUrlEncodedContent([new("type", type), new("nhsNumber", nhsNumber)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("OperationOutcome", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task SandboxIngestionRoute_RefusesASenderWithoutTheSandboxSecret()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var content = new StringContent(EventsGateway.Event("no-secret", "pds-death-notification-2", SandboxPatients.Search));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/cloudevents+json");

        using var response = await client.PostAsync("events/mns", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    /// <summary>The walkthrough's curl calls: a clinician and an operator signed in through <c>/sandbox/token</c>.</summary>
    private sealed class Walkthrough : IDisposable
    {
        private readonly HttpClient _clinician;
        private readonly HttpClient _ops;
        private readonly HttpClient _anonymous;

        private Walkthrough(HttpClient clinician, HttpClient ops, HttpClient anonymous)
        {
            _clinician = clinician;
            _ops = ops;
            _anonymous = anonymous;
        }

        public static async Task<Walkthrough> StartAsync(GatewayHost host)
        {
            var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
            return new Walkthrough(await SignedInAsync(host, anonymous, "demo-clinician"), await SignedInAsync(host, anonymous, "demo-ops"), anonymous);
        }

        public async Task<HttpResponseMessage> ReadAsync(string nhsNumber)
        {
            var response = await _clinician.GetAsync($"fhir/Patient/{nhsNumber}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response;
        }

        public async Task<JsonElement> EmitAsync(params (string Name, string Value)[] fields)
        {
            using var response = await _anonymous.PostAsync("sandbox/mns/emit", new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        public async Task<List<JsonElement>> ListAsync() =>
            (await _ops.GetFromJsonAsync<List<JsonElement>>("ops/events?limit=500"))!;

        /// <summary>Polls <c>GET /ops/events</c> until the event is settled (not pending); returns its row.</summary>
        public async Task<JsonElement> ProcessedAsync(string externalId)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)); // a bound for a stuck worker, not a speed assertion
            while (true)
            {
                var row = (await ListAsync()).SingleOrDefault(e => e.GetProperty("externalId").GetString() == externalId);
                if (row.ValueKind == JsonValueKind.Object && row.GetProperty("status").GetString() != "pending")
                {
                    Assert.Equal("processed", row.GetProperty("status").GetString());
                    return row;
                }

                await Task.Delay(200, timeout.Token);
            }
        }

        public void Dispose()
        {
            _clinician.Dispose();
            _ops.Dispose();
            _anonymous.Dispose();
        }

        private static async Task<HttpClient> SignedInAsync(GatewayHost host, HttpClient anonymous, string user)
        {
            using var response = await anonymous.PostAsync("sandbox/token", new FormUrlEncodedContent([new("user", user), new("workstation", "walkthrough-pc")]));
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
            var client = new HttpClient { BaseAddress = host.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }
    }
}
