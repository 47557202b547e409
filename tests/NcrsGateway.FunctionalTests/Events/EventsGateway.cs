using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Events.Inbox;
using NcrsGateway.Events.Processing;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Events;

/// <summary>A sandbox gateway with events on, a fast worker (no coalescing wait), and helpers to send and await events.</summary>
internal sealed class EventsGateway : IAsyncDisposable
{
    public const string Secret = "functional-test-shared-secret-0123456789";

    private EventsGateway(GatewayHost host)
    {
        Host = host;
        Sender = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public GatewayHost Host { get; }

    public HttpClient Sender { get; }

    public EventInbox Inbox => Host.Services.GetRequiredService<EventInbox>();

    public EventCounters Counters => Host.Services.GetRequiredService<EventCounters>();

    public SandboxUpstreams Sandbox => Host.Services.GetRequiredService<SandboxUpstreams>();

    public static async Task<EventsGateway> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Events:SharedSecret"] = Secret,
            ["Events:CoalesceWindow"] = "00:00:00",
            ["Events:PollInterval"] = "00:00:00.050",
            ["Events:RetryDelay"] = "00:00:00.050",
            ["Events:MaxRetryDelay"] = "00:00:00.100",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new EventsGateway(await GatewayHost.StartAsync(settings));
    }

    public static string Event(string id, string type, string subject, int? version = null) =>
        $$"""{"specversion":"1.0","id":"{{id}}","source":"https://fhir.nhs.uk/Id/nhsSpineASID/477121000324","type":"{{type}}","time":"2026-11-30T09:15:00Z","subject":"{{subject}}"{{(version is { } v ? $",\"versionid\":\"W/\\\"{v}\\\"\"" : string.Empty)}}}""";

    public async Task SendAsync(params string[] events)
    {
        using var content = new StringContent("[" + string.Join(",", events) + "]", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/cloudevents-batch+json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "events/mns") { Content = content };
        request.Headers.Add("X-Events-Secret", Secret);
        using var response = await Sender.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Waits until no event is pending (the worker settled everything), then returns every row.</summary>
    public async Task<IReadOnlyList<InboxRow>> SettledAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)); // a bound for a stuck worker, not a speed assertion
        while (true)
        {
            var rows = await Inbox.ListAsync(new InboxQuery(null, null, 500), timeout.Token);
            if (rows.All(r => r.Status != InboxStatus.Pending))
            {
                return rows;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>
    /// Re-fetches the worker made from the simulated PDS for this patient: distinct correlation IDs starting with
    /// <c>event-</c> (an adapter's own retries of one re-fetch share its correlation ID).
    /// </summary>
    public int PdsRefetchesFor(string nhsNumber) => Sandbox.Server.LogEntries
        .Where(e => e.RequestMessage.Path.Contains(nhsNumber, StringComparison.Ordinal))
        .SelectMany(e => e.RequestMessage.Headers is { } h && h.TryGetValue("X-Correlation-ID", out var v) ? v : [])
        .Where(c => c.StartsWith("event-", StringComparison.Ordinal))
        .Distinct(StringComparer.Ordinal)
        .Count();

    public async ValueTask DisposeAsync()
    {
        Sender.Dispose();
        await Host.DisposeAsync();
    }
}
