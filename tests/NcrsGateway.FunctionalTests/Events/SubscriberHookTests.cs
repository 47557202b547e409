using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Events.Subscribers;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.FunctionalTests.Events;

/// <summary>
/// The local subscriber hook end to end: a clinical app registers a FHIR Subscription, the sandbox emits MNS events, and
/// a WireMock server stands in for the app's endpoint (up, down for a while, down for good).
/// </summary>
public sealed class SubscriberHookTests : IAsyncDisposable
{
    private const string HookPath = "/hooks/ncrs";
    private const string SecretExtension = "https://ncrs-gateway.nhs.uk/StructureDefinition/subscriber-signing-secret";

    private readonly WireMockServer _subscriber = WireMockServer.Start();

    [Fact]
    public async Task CreateReadDelete_StoresAnActiveSubscription_ReturnsTheSecretOnlyOnCreate()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClinicianClient();

        using var created = await PostAsync(client, Subscription("death,change-of-gp", Hook));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString();
        using var read = await client.GetAsync($"fhir/Subscription/{id}");
        var readBody = await read.Content.ReadFromJsonAsync<JsonElement>();
        using var deleted = await client.DeleteAsync($"fhir/Subscription/{id}");
        using var gone = await client.GetAsync($"fhir/Subscription/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("active", body.GetProperty("status").GetString());
        Assert.Equal("death,change-of-gp", body.GetProperty("criteria").GetString());
        Assert.True(SecretOf(body).Length >= 32);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("active", readBody.GetProperty("status").GetString());
        Assert.Equal(Hook, readBody.GetProperty("channel").GetProperty("endpoint").GetString());
        Assert.False(readBody.TryGetProperty("extension", out _));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("""{"resourceType":"Subscription","status":"requested","reason":"r","criteria":"death","channel":{"type":"websocket","endpoint":"{hook}"}}""", "invalid-subscription")]
    [InlineData("""{"resourceType":"Subscription","status":"requested","reason":"r","criteria":"Patient?name=smith","channel":{"type":"rest-hook","endpoint":"{hook}"}}""", "invalid-subscription")]
    [InlineData("""{"resourceType":"Subscription","status":"requested","reason":"r","criteria":"death","channel":{"type":"rest-hook","endpoint":"not a url"}}""", "invalid-subscription")]
    [InlineData("{\"resourceType\":\"Patient\"", "invalid-subscription")]
    [InlineData("""{"resourceType":"Subscription","status":"requested","reason":"r","criteria":"death","channel":{"type":"rest-hook","endpoint":"https://elsewhere.example/hook"}}""", "subscriber-endpoint-not-allowed")]
    public async Task Create_WithBadInput_IsRefusedWithAnOperationOutcome(string json, string code)
    {
        await using var host = await StartAsync();
        using var client = host.CreateClinicianClient();

        using var response = await PostAsync(client, json.Replace("{hook}", Hook, StringComparison.Ordinal));
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(code == "subscriber-endpoint-not-allowed" ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        Assert.Contains(code, outcome.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmittedDeath_ReachesTheSubscriberOnce_WithAValidSignatureAndNoClinicalContent()
    {
        _subscriber.Given(Request.Create().WithPath(HookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        await using var host = await StartAsync();
        using var client = host.CreateClinicianClient();
        var (id, secret) = await SubscribeAsync(client, "death");

        await EmitAsync(host, "pds-death-notification-2", SandboxPatients.SameFamily);
        await EmitAsync(host, "pds-change-of-gp-2", SandboxPatients.Minimal); // not subscribed: no signal
        await UntilAsync(host, id, s => s.GetValueOrDefault(DeliveryRow.Delivered) == 1);
        await EmitAsync(host, "pds-death-notification-2", SandboxPatients.Search);
        await UntilAsync(host, id, s => s.GetValueOrDefault(DeliveryRow.Delivered) == 2);

        var received = _subscriber.LogEntries.Select(e => e.RequestMessage).ToList();
        Assert.Equal(2, received.Count);
        var first = received.Single(r => r.Body!.Contains(SandboxPatients.SameFamily, StringComparison.Ordinal));
        var body = JsonDocument.Parse(first.BodyAsBytes!).RootElement;
        Assert.Equal(Sign(first.BodyAsBytes!, secret), first.Headers!["X-Ncrs-Signature"].Single());
        Assert.Equal(body.GetProperty("deliveryId").GetString(), first.Headers["X-Ncrs-Delivery-Id"].Single());
        Assert.Equal($"Subscription/{id}", body.GetProperty("subscription").GetString());
        Assert.Equal("https://fhir.nhs.uk/Id/nhs-number", body.GetProperty("patient").GetProperty("identifier").GetProperty("system").GetString());
        Assert.Equal(["death"], body.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["deliveryId", "subscription", "patient", "events", "queued"], body.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task SubscriberDownForAWhile_ReceivesEverySignalOnceItIsBack()
    {
        _subscriber.Given(Request.Create().WithPath(HookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        await using var host = await StartAsync();
        using var client = host.CreateClinicianClient();
        var (id, _) = await SubscribeAsync(client, "death,change-of-gp");
        string[] patients = [SandboxPatients.Search, SandboxPatients.Minimal, SandboxPatients.SameFamily];

        await EmitAsync(host, "pds-death-notification-2", patients[0]);
        await EmitAsync(host, "pds-change-of-gp-2", patients[1]);
        await EmitAsync(host, "pds-death-notification-2", patients[2]);
        await UntilAsync(host, id, _ => _subscriber.LogEntries.Count() >= 6); // each refused at least twice on average
        _subscriber.ResetMappings();
        _subscriber.Given(Request.Create().WithPath(HookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        await UntilAsync(host, id, s => s.GetValueOrDefault(DeliveryRow.Delivered) == 3);

        var accepted = _subscriber.LogEntries.Where(e => e.ResponseMessage.StatusCode is 200).Select(e => e.RequestMessage).ToList();
        Assert.Equal(3, accepted.Count);
        Assert.Equal(3, accepted.Select(r => r.Headers!["X-Ncrs-Delivery-Id"].Single()).Distinct().Count());
        Assert.All(patients, p => Assert.Single(accepted, r => r.Body!.Contains(p, StringComparison.Ordinal)));
        using var read = await client.GetAsync($"fhir/Subscription/{id}");
        Assert.Equal("active", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SubscriberDownPastTheHorizon_SubscriptionGoesToErrorAndTheSignalToDeadLetter()
    {
        _subscriber.Given(Request.Create().WithPath(HookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        await using var host = await StartAsync(horizon: "00:00:01");
        using var client = host.CreateClinicianClient();
        var (id, _) = await SubscribeAsync(client, "death");

        await EmitAsync(host, "pds-death-notification-2", SandboxPatients.Search);
        await UntilAsync(host, id, s => s.GetValueOrDefault(DeliveryRow.DeadLetter) == 1);
        using var read = await client.GetAsync($"fhir/Subscription/{id}");
        var subscription = await read.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("error", subscription.GetProperty("status").GetString());
        Assert.Contains("503", subscription.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(_subscriber.LogEntries.Count() >= 2); // retried before giving up
    }

    public ValueTask DisposeAsync()
    {
        _subscriber.Stop();
        _subscriber.Dispose();
        return ValueTask.CompletedTask;
    }

    private string Hook => _subscriber.Url + HookPath;

    private Task<GatewayHost> StartAsync(string horizon = "00:05:00") => GatewayHost.StartAsync(new Dictionary<string, string?>
    {
        ["Events:CoalesceWindow"] = "00:00:00",
        ["Events:PollInterval"] = "00:00:00.050",
        ["Events:Subscribers:AllowedEndpoints:0"] = _subscriber.Url + "/hooks/",
        ["Events:Subscribers:RetryDelay"] = "00:00:00.050",
        ["Events:Subscribers:MaxRetryDelay"] = "00:00:00.200",
        ["Events:Subscribers:PollInterval"] = "00:00:00.050",
        ["Events:Subscribers:RequestTimeout"] = "00:00:05",
        ["Events:Subscribers:RetryHorizon"] = horizon,
    });

    private static string Subscription(string criteria, string endpoint) =>
        $$$"""{"resourceType":"Subscription","status":"requested","reason":"ward app","criteria":"{{{criteria}}}","channel":{"type":"rest-hook","endpoint":"{{{endpoint}}}"}}""";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/fhir+json");
        return await client.PostAsync("fhir/Subscription", content);
    }

    private async Task<(Guid Id, string Secret)> SubscribeAsync(HttpClient client, string criteria)
    {
        using var created = await PostAsync(client, Subscription(criteria, Hook));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (Guid.Parse(body.GetProperty("id").GetString()!), SecretOf(body));
    }

    private static string SecretOf(JsonElement subscription) =>
        subscription.GetProperty("extension").EnumerateArray().Single(e => e.GetProperty("url").GetString() == SecretExtension).GetProperty("valueString").GetString()!;

    private static async Task EmitAsync(GatewayHost host, string type, string nhsNumber)
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        using var response = await anonymous.PostAsync("sandbox/mns/emit", new FormUrlEncodedContent([new("type", type), new("nhsNumber", nhsNumber)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Polls the delivery rows of the Subscription until <paramref name="done"/> holds (a bound for a stuck worker, not a speed assertion).</summary>
    private static async Task UntilAsync(GatewayHost host, Guid subscription, Func<IReadOnlyDictionary<string, int>, bool> done)
    {
        var store = host.Services.GetRequiredService<SubscriberStore>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!done(await store.CountAsync(subscription, timeout.Token)))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
