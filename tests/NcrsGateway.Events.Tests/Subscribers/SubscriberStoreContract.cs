using NcrsGateway.Core;
using NcrsGateway.Events.Subscribers;
using NcrsGateway.Storage;

namespace NcrsGateway.Events.Tests.Subscribers;

/// <summary>What the subscriber store promises on every provider; subclassed for SQLite and PostgreSQL.</summary>
public abstract class SubscriberStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly NhsNumber Patient = NhsNumber.TryParse("9000000009", out var n) ? n : throw new InvalidOperationException();
    private readonly TestPatientProtector _protector = new();
    private RelationalStore? _relational;
    private SubscriberStore _store = null!;

    protected abstract Task<RelationalStore> OpenStoreAsync();

    public virtual async Task InitializeAsync()
    {
        _relational = await OpenStoreAsync();
        _store = new SubscriberStore(_relational);
    }

    public virtual async Task DisposeAsync()
    {
        if (_relational is not null)
        {
            await _relational.DisposeAsync();
        }
    }

    [Fact]
    public async Task Enqueue_SameDeliveryIdTwice_QueuesOneSignal()
    {
        var subscription = await SubscribeAsync();
        var id = SubscriberSignal.DeliveryId(subscription.Id, Guid.NewGuid());

        var first = await EnqueueAsync(subscription, id);
        var again = await EnqueueAsync(subscription, id);

        Assert.True(first);
        Assert.False(again);
        Assert.Equal(1, (await _store.CountAsync(subscription.Id, default))[DeliveryRow.Pending]);
    }

    [Fact]
    public async Task Claim_ByTwoInstancesAtOnce_GivesEachSignalToExactlyOne()
    {
        var subscription = await SubscribeAsync();
        for (var i = 0; i < 30; i++)
        {
            await EnqueueAsync(subscription, Guid.NewGuid());
        }

        var claims = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => Task.Run(() => _store.ClaimAsync("instance-" + i, 10, Now, TimeSpan.FromMinutes(1), default))));

        var ids = claims.SelectMany(c => c).Select(r => r.Id).ToList();
        Assert.Equal(30, ids.Count);
        Assert.Equal(30, ids.Distinct().Count());
        Assert.All(claims.SelectMany(c => c), r => Assert.Equal(Patient, _protector.Decrypt(r.SubjectCipher, r.Id)));
    }

    [Fact]
    public async Task Failed_WithANextAttempt_IsClaimedAgainOnlyWhenDue()
    {
        var subscription = await SubscribeAsync();
        await EnqueueAsync(subscription, Guid.NewGuid());
        var row = Assert.Single(await _store.ClaimAsync("a", 10, Now, TimeSpan.FromMinutes(1), default));

        await _store.FailedAsync(row, "a", Now.AddSeconds(30), "subscriber answered 503", default);

        Assert.Empty(await _store.ClaimAsync("b", 10, Now.AddSeconds(29), TimeSpan.FromMinutes(1), default));
        var again = Assert.Single(await _store.ClaimAsync("b", 10, Now.AddSeconds(30), TimeSpan.FromMinutes(1), default));
        Assert.Equal(1, again.Attempts);
    }

    [Fact]
    public async Task Failed_PastTheHorizon_DeadLettersTheSignalAndPutsTheSubscriptionInError()
    {
        var subscription = await SubscribeAsync();
        await EnqueueAsync(subscription, Guid.NewGuid());
        var row = Assert.Single(await _store.ClaimAsync("a", 10, Now, TimeSpan.FromMinutes(1), default));

        await _store.FailedAsync(row, "a", null, "dead-letter: subscriber unreachable", default);

        Assert.Equal(1, (await _store.CountAsync(subscription.Id, default))[DeliveryRow.DeadLetter]);
        Assert.Equal(LocalSubscription.Errored, (await _store.FindAsync(subscription.Id, default))!.Status);
        Assert.Empty(await _store.ActiveAsync(default));
        Assert.Empty(await _store.ClaimAsync("b", 10, Now.AddDays(2), TimeSpan.FromMinutes(1), default));
    }

    [Fact]
    public async Task Delete_RemovesTheSubscriptionAndItsUndeliveredSignals()
    {
        var subscription = await SubscribeAsync();
        await EnqueueAsync(subscription, Guid.NewGuid());

        Assert.True(await _store.DeleteAsync(subscription.Id, default));

        Assert.Null(await _store.FindAsync(subscription.Id, default));
        Assert.Empty(await _store.CountAsync(subscription.Id, default));
        Assert.False(await _store.DeleteAsync(subscription.Id, default));
    }

    private async Task<LocalSubscription> SubscribeAsync()
    {
        var subscription = new LocalSubscription(Guid.NewGuid(), [SubscriberCriteria.Death], new Uri("https://ward-app.local/hooks/ncrs"), new string('s', 32), LocalSubscription.Active, null, Now);
        await _store.CreateAsync(subscription, default);
        return subscription;
    }

    private Task<bool> EnqueueAsync(LocalSubscription subscription, Guid id) =>
        _store.EnqueueAsync(id, subscription.Id, _protector.Encrypt(Patient, id), [SubscriberCriteria.Death], Now, default);
}
