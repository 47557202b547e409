using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Model.Events;
using NcrsGateway.Core.Ports;
using NcrsGateway.Events.Subscriptions;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.FunctionalTests.Events;

/// <summary>
/// Idempotent MNS subscription creates: two gateway instances sharing PostgreSQL and one simulated MNS (which never
/// de-duplicates and counts every create) keep one subscription per configured event type, through races, restarts,
/// replays and a create interrupted after it reached MNS.
/// </summary>
public sealed class SubscriptionTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Endpoint = "https://gateway.example.nhs.uk/events/mns";
    private static readonly string[] Types = ["pds-death-notification-2", "nhs-number-change-2", "pds-change-of-gp-2"];

    [Fact]
    public async Task TwoInstancesStartingTogether_ThenARestart_MakeOneUpstreamSubscriptionPerEventType()
    {
        using var mns = SandboxUpstreams.Start();
        var settings = Settings(mns, await postgres.Server.CreateDatabaseAsync());
        var started = await Task.WhenAll(GatewayHost.StartAsync(settings), GatewayHost.StartAsync(settings));
        await using var first = started[0];
        await using var second = started[1];

        var fromFirst = await SettledAsync(first);
        var fromSecond = await SettledAsync(second);
        await first.DisposeAsync();
        await using var restarted = await GatewayHost.StartAsync(settings);
        var afterRestart = await SettledAsync(restarted);

        Assert.Equal(Types.Length, MnsSimulator.CreateCount(mns.Server));
        Assert.Equal(fromFirst, fromSecond);
        Assert.Equal(fromFirst, afterRestart);
        Assert.Equal(Types.Length, fromFirst.Values.Distinct().Count());
    }

    [Fact]
    public async Task ReplayedCreate_ReturnsTheFirstResult_AndMakesNoSecondUpstreamSubscription()
    {
        using var mns = SandboxUpstreams.Start();
        await using var gateway = await GatewayHost.StartAsync(Settings(mns, await postgres.Server.CreateDatabaseAsync()));
        var first = await SettledAsync(gateway);
        var keeper = gateway.Services.GetRequiredService<SubscriptionKeeper>();

        var replays = new List<SubscriptionOutcome>();
        foreach (var type in Types)
        {
            replays.Add(await keeper.EnsureAsync(new EventSubscriptionRequest(type, new Uri(Endpoint)), CancellationToken.None));
        }

        Assert.All(replays, r => Assert.Equal(SubscriptionOutcome.Replayed, r.Kind));
        Assert.Equal(Types.Select(t => first[t]), replays.Select(r => r.UpstreamId));
        Assert.Equal(Types.Length, MnsSimulator.CreateCount(mns.Server));
    }

    [Fact]
    public async Task CreateInterruptedAfterItReachedMns_IsAdoptedByTheNextAttempt_NotMadeAgain()
    {
        using var mns = SandboxUpstreams.Start();
        await using var gateway = await GatewayHost.StartAsync(Settings(mns, await postgres.Server.CreateDatabaseAsync()));
        await SettledAsync(gateway);
        var request = new EventSubscriptionRequest("imms-vaccination-record-change-1", new Uri(Endpoint));
        var ledger = gateway.Services.GetRequiredService<SubscriptionLedger>();
        var keeper = gateway.Services.GetRequiredService<SubscriptionKeeper>();

        // an instance recorded the create, sent it, and died before recording the answer (its lease has run out)
        await ledger.ClaimAsync(request.BusinessKey, SubscriptionKeeper.RequestHash(request), "died", DateTimeOffset.UtcNow - TimeSpan.FromHours(1), TimeSpan.FromMinutes(2), CancellationToken.None);
        var made = await gateway.Services.GetRequiredService<IEventSubscriptions>().CreateAsync(request, new RequestContext("died", null), CancellationToken.None);
        var creates = MnsSimulator.CreateCount(mns.Server);

        var resumed = await keeper.EnsureAsync(request, CancellationToken.None);
        var replayed = await keeper.EnsureAsync(request, CancellationToken.None);

        Assert.Equal((SubscriptionOutcome.Adopted, made.Id), (resumed.Kind, resumed.UpstreamId));
        Assert.Equal((SubscriptionOutcome.Replayed, made.Id), (replayed.Kind, replayed.UpstreamId));
        Assert.Equal(creates, MnsSimulator.CreateCount(mns.Server));
    }

    /// <summary>The production composition against <paramref name="upstreams"/>' simulators, events on PostgreSQL, subscribing to <see cref="Types"/>.</summary>
    private static Dictionary<string, string?> Settings(SandboxUpstreams upstreams, string database)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Audit:Provider"] = "Postgres",
            ["Audit:PostgresConnectionString"] = database,
            ["Events:SharedSecret"] = EventsGateway.Secret,
            ["Events:DeliveryEndpoint"] = Endpoint,
            ["Events:MaxRetryDelay"] = "00:00:00.200",
            ["Events:RetryDelay"] = "00:00:00.100",
        };
        for (var i = 0; i < Types.Length; i++)
        {
            settings[$"Events:SubscribeTo:{i}"] = Types[i];
        }

        var none = new ConfigurationBuilder().Build();
        foreach (var simulator in upstreams.Simulators)
        {
            foreach (var (key, value) in simulator.Settings(upstreams.BaseUrl, none.GetSection(simulator.ConfigurationSection)))
            {
                settings[ConfigurationPath.Combine(simulator.ConfigurationSection, key)] = value;
            }
        }

        return settings;
    }

    /// <summary>Waits until every configured subscription is recorded as made (the background keeper, or this call); returns MNS's id per type.</summary>
    private static async Task<Dictionary<string, string>> SettledAsync(GatewayHost host)
    {
        var keeper = host.Services.GetRequiredService<SubscriptionKeeper>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)); // a bound for a stuck keeper, not a speed assertion
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in Types)
        {
            while (true)
            {
                var outcome = await keeper.EnsureAsync(new EventSubscriptionRequest(type, new Uri(Endpoint)), timeout.Token);
                if (outcome.IsSettled)
                {
                    ids[type] = outcome.UpstreamId!;
                    break;
                }

                await Task.Delay(100, timeout.Token);
            }
        }

        return ids;
    }
}
