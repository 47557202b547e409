using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Events.Inbox;
using NcrsGateway.Events.Ingestion;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Events;

/// <summary><c>POST /events/mns</c> on a real gateway: sender authentication, size limits, storage before the answer.</summary>
public sealed class EventIngestionTests : IAsyncLifetime
{
    private const string Secret = "functional-test-shared-secret-0123456789";
    private static readonly byte[] SigningKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
    private GatewayHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Events:SharedSecret"] = Secret,
            ["Events:SigningKey"] = Convert.ToBase64String(SigningKey),
            ["Events:MaxRequestBytes"] = "4096",
        });
        _client = new HttpClient { BaseAddress = _host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private EventInbox Inbox => _host.Services.GetRequiredService<EventInbox>();

    [Fact]
    public async Task Post_WithTheSharedSecret_StoresTheEventBeforeAnswering()
    {
        using var response = await PostAsync(Event("e-1", "pds-death-notification-2"), "application/cloudevents+json", secret: Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 stored", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var row = Assert.Single(await Inbox.ListAsync(new InboxQuery(null, null), CancellationToken.None));
        Assert.Equal("e-1", row.ExternalId);
    }

    [Fact]
    public async Task Post_SignedWithTheSigningKey_IsAccepted()
    {
        var body = Encoding.UTF8.GetBytes(Event("e-signed", "pds-record-change-2"));

        using var response = await PostAsync(body, "application/cloudevents+json", signature: SenderAuthenticator.Sign(SigningKey, body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("wrong-secret-wrong-secret-wrong-secret-00", null)]
    [InlineData(null, "sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Post_WithoutValidCredentials_Is401AndStoresNothing(string? secret, string? signature)
    {
        using var response = await PostAsync(Event("e-anon", "pds-record-change-2"), "application/cloudevents+json", secret, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("event-sender-unauthenticated", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await Inbox.ListAsync(new InboxQuery(null, null), CancellationToken.None));
        Assert.Empty(await Inbox.ListRejectedAsync(null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Post_Duplicate_IsAcknowledgedAndNotStoredTwice()
    {
        using var first = await PostAsync(Event("e-dup", "pds-change-of-gp-2"), "application/cloudevents+json", secret: Secret);
        using var second = await PostAsync(Event("e-dup", "pds-change-of-gp-2"), "application/cloudevents+json", secret: Secret);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("1 already received", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await Inbox.ListAsync(new InboxQuery(null, null), CancellationToken.None));
    }

    [Fact]
    public async Task Post_InvalidEvent_Is400WithAnOperationOutcomeAndIsRecordedAsRejected()
    {
        using var response = await PostAsync("""{"specversion":"1.0","id":"e-bad","source":"s","type":"pds-death-notification-2","subject":"1234567890"}""", "application/cloudevents+json", secret: Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var outcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("OperationOutcome", outcome.RootElement.GetProperty("resourceType").GetString());
        Assert.Contains("invalid-event", outcome.RootElement.ToString(), StringComparison.Ordinal);
        Assert.Equal("e-bad", Assert.Single(await Inbox.ListRejectedAsync(null, 10, CancellationToken.None)).ExternalId);
        Assert.Empty(await Inbox.ListAsync(new InboxQuery(null, null), CancellationToken.None));
    }

    [Fact]
    public async Task Post_BatchWithSomeInvalid_KeepsTheValidAndSaysWhichWereRejected()
    {
        var batch = $"[{Event("b-1", "pds-record-change-2")},{Event("b-2", "pds-record-change-2", subject: "9000000018")},{Event("b-3", "unknown-type-9")}]";

        using var response = await PostAsync(batch, "application/cloudevents-batch+json", secret: Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("event[1]", text, StringComparison.Ordinal);
        Assert.Contains("b-2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("9000000018", text, StringComparison.Ordinal);
        var rows = await Inbox.ListAsync(new InboxQuery(null, null), CancellationToken.None);
        Assert.Equal(["b-1", "b-3"], rows.Select(r => r.ExternalId).Order(StringComparer.Ordinal));
        Assert.Equal(InboxStatus.Ignored, rows.Single(r => r.ExternalId == "b-3").Status);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Is413BeforeParsingAndStoresNothing()
    {
        var padding = new string(' ', 5000);
        using var response = await PostAsync(Event("e-big", "pds-record-change-2") + padding, "application/cloudevents+json", secret: Secret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await Inbox.ListAsync(new InboxQuery(null, null), CancellationToken.None));
        Assert.Empty(await Inbox.ListRejectedAsync(null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheLimit_Is413()
    {
        var body = Encoding.UTF8.GetBytes(Event("e-chunked", "pds-record-change-2") + new string(' ', 5000));
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/cloudevents+json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "events/mns") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-Events-Secret", Secret);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await Inbox.ListAsync(new InboxQuery(null, null), CancellationToken.None));
    }

    [Fact]
    public async Task Post_FhirHistoryBundle_StoresEachNotification()
    {
        var bundle = """
            {"resourceType":"Bundle","type":"history","entry":[{"resource":{"resourceType":"Parameters","id":"f-1","parameter":[
              {"name":"type","valueCode":"event-notification"},
              {"name":"notification-event","part":[{"name":"timestamp","valueInstant":"2026-11-30T09:20:00Z"}]},
              {"name":"additional-context","part":[{"name":"event-type","valueString":"pds-record-change-2"},{"name":"source","valueUri":"https://fhir.nhs.uk/Id/nhsSpineASID/1"},
                {"name":"subject","valueReference":{"identifier":{"value":"9000000017"}}},{"name":"version-id","valueString":"W/\"7\""}]}]}}]}
            """;

        using var response = await PostAsync(bundle, "application/fhir+json", secret: Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, Assert.Single(await Inbox.ListAsync(new InboxQuery(null, null), CancellationToken.None)).VersionId);
    }

    private static string Event(string id, string type, string subject = "9000000009") =>
        $$"""{"specversion":"1.0","id":"{{id}}","source":"https://fhir.nhs.uk/Id/nhsSpineASID/477121000324","type":"{{type}}","time":"2026-11-30T09:15:00Z","subject":"{{subject}}"}""";

    private Task<HttpResponseMessage> PostAsync(string body, string contentType, string? secret = null, string? signature = null) =>
        PostAsync(Encoding.UTF8.GetBytes(body), contentType, secret, signature);

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string contentType, string? secret = null, string? signature = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "events/mns") { Content = content };
        if (secret is not null)
        {
            request.Headers.Add("X-Events-Secret", secret);
        }

        if (signature is not null)
        {
            request.Headers.Add("X-Events-Signature", signature);
        }

        return await _client.SendAsync(request);
    }
}
