using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NcrsGateway.ClinicalContext.Selection;
using NcrsGateway.Hosting;
using NcrsGateway.Tests.Infrastructure;
using NcrsGateway.Caching.Redis;

namespace NcrsGateway.FunctionalTests.ClinicalContext;

/// <summary>The rules every <see cref="ISelectionStore"/> must keep, run against each implementation.</summary>
public abstract class SelectionStoreContract
{
    private static readonly TimeSpan Retain = TimeSpan.FromMinutes(5);

    internal abstract ISelectionStore Store { get; }

    [Fact]
    public async Task Take_ActiveSelection_ReturnsItOnceThenUsed()
    {
        var s = Selection("u1", Workstation());
        await Store.SaveAsync(s, Retain, default);

        var first = await Store.TakeAsync(s.TokenHash, default);
        var second = await Store.TakeAsync(s.TokenHash, default);

        Assert.Equal((SelectionState.Active, s), (first!.State, first.Selection));
        Assert.Equal(SelectionState.Used, second!.State);
    }

    [Fact]
    public async Task Take_UnknownToken_ReturnsNull() =>
        Assert.Null(await Store.TakeAsync(SelectionTokens.Hash("never-issued"), default));

    [Fact]
    public async Task Save_SameUserAndWorkstation_SupersedesPreviousOnly()
    {
        var ws = Workstation();
        var old = Selection("u1", ws);
        var elsewhere = Selection("u1", Workstation());
        await Store.SaveAsync(old, Retain, default);
        await Store.SaveAsync(elsewhere, Retain, default);
        var current = Selection("u1", ws);
        await Store.SaveAsync(current, Retain, default);

        Assert.Equal(SelectionState.Superseded, (await Store.TakeAsync(old.TokenHash, default))!.State);
        Assert.Equal(SelectionState.Active, (await Store.TakeAsync(elsewhere.TokenHash, default))!.State);
        Assert.Equal(SelectionState.Active, (await Store.TakeAsync(current.TokenHash, default))!.State);
    }

    [Fact]
    public async Task SaveOrObserve_ByDifferentUser_SupersedesEverySelectionOnTheWorkstation()
    {
        var ws = Workstation();
        var first = Selection("u1", ws);
        await Store.SaveAsync(first, Retain, default);
        var second = Selection("u2", ws);
        await Store.SaveAsync(second, Retain, default);
        await Store.ObserveUserAsync(ws, "u3", Retain, default);

        Assert.Equal(SelectionState.Superseded, (await Store.TakeAsync(first.TokenHash, default))!.State);
        Assert.Equal(SelectionState.Superseded, (await Store.TakeAsync(second.TokenHash, default))!.State);
    }

    [Fact]
    public async Task Observe_BySameUser_KeepsSelections()
    {
        var ws = Workstation();
        var s = Selection("u1", ws);
        await Store.SaveAsync(s, Retain, default);
        await Store.ObserveUserAsync(ws, "u1", Retain, default);

        Assert.Equal(SelectionState.Active, (await Store.TakeAsync(s.TokenHash, default))!.State);
    }

    [Fact]
    public async Task Take_Concurrently_ExactlyOneSeesActive()
    {
        var s = Selection("u1", Workstation());
        await Store.SaveAsync(s, Retain, default);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Store.TakeAsync(s.TokenHash, default))));

        Assert.Single(results, r => r!.State == SelectionState.Active);
    }

    [Fact]
    public async Task CancelForPatient_CancelsThatPatientsActiveSelectionsOnly()
    {
        var open = Selection("u1", Workstation(), "9000000009");
        var used = Selection("u2", Workstation(), "9000000009");
        var otherPatient = Selection("u3", Workstation(), "9000000025");
        await Store.SaveAsync(open, Retain, default);
        await Store.SaveAsync(used, Retain, default);
        await Store.SaveAsync(otherPatient, Retain, default);
        await Store.TakeAsync(used.TokenHash, default);

        var cancelled = await Store.CancelForPatientAsync("9000000009", default);

        Assert.Equal(1, cancelled);
        Assert.Equal(SelectionState.Cancelled, (await Store.TakeAsync(open.TokenHash, default))!.State);
        Assert.Equal(SelectionState.Used, (await Store.TakeAsync(used.TokenHash, default))!.State);
        Assert.Equal(SelectionState.Active, (await Store.TakeAsync(otherPatient.TokenHash, default))!.State);
    }

    [Fact]
    public async Task Stage_IsNeverTaken_AndSupersedesNothing_UntilSaved()
    {
        var ws = Workstation();
        var previous = Selection("u1", ws);
        await Store.SaveAsync(previous, Retain, default);
        var staged = Selection("u1", ws);

        await Store.StageAsync(staged, Retain, default);

        Assert.Null(await Store.TakeAsync(staged.TokenHash, default));
        Assert.Equal(SelectionState.Active, (await Store.TakeAsync(previous.TokenHash, default))!.State);
        await Store.SaveAsync(staged, Retain, default);
        Assert.Equal(SelectionState.Active, (await Store.TakeAsync(staged.TokenHash, default))!.State);
    }

    [Fact]
    public async Task Release_UsedLatestSelection_MakesItActiveAgain()
    {
        var s = Selection("u1", Workstation());
        await Store.SaveAsync(s, Retain, default);
        await Store.TakeAsync(s.TokenHash, default);

        Assert.True(await Store.ReleaseAsync(s, default));
        Assert.Equal(SelectionState.Active, (await Store.TakeAsync(s.TokenHash, default))!.State);
    }

    [Fact]
    public async Task Release_AfterANewerSelectionOrAnotherUser_LeavesItUsed()
    {
        var ws = Workstation();
        var older = Selection("u1", ws);
        await Store.SaveAsync(older, Retain, default);
        await Store.TakeAsync(older.TokenHash, default);
        await Store.SaveAsync(Selection("u1", ws), Retain, default);
        var taken = Selection("u2", Workstation());
        await Store.SaveAsync(taken, Retain, default);
        await Store.TakeAsync(taken.TokenHash, default);
        await Store.ObserveUserAsync(taken.WorkstationId, "u3", Retain, default);

        Assert.False(await Store.ReleaseAsync(older, default));
        Assert.False(await Store.ReleaseAsync(taken, default));
        Assert.Equal(SelectionState.Used, (await Store.TakeAsync(older.TokenHash, default))!.State);
        Assert.Equal(SelectionState.Used, (await Store.TakeAsync(taken.TokenHash, default))!.State);
    }

    private static string Workstation() => "ws-" + Guid.NewGuid().ToString("N");

    private static PatientSelection Selection(string user, string workstation, string nhsNumber = "9000000017")
    {
        var now = DateTimeOffset.UtcNow;
        return new PatientSelection(SelectionTokens.Hash(SelectionTokens.New()), user, workstation, "sid-1", nhsNumber, "3", now, now.AddMinutes(2));
    }
}

public sealed class InMemorySelectionStoreTests : SelectionStoreContract
{
    internal override ISelectionStore Store { get; } = new InMemorySelectionStore(TimeProvider.System);
}

public sealed class RedisSelectionStoreTests(RedisFixture redis) : SelectionStoreContract, IClassFixture<RedisFixture>, IDisposable
{
    private readonly RedisConnection _connection = new(
        Options.Create(new RedisOptions { Configuration = redis.Server.Configuration }), TimeProvider.System, NullLogger<RedisConnection>.Instance);

    internal override ISelectionStore Store => new RedisSelectionStore(_connection);

    public void Dispose() => _connection.Dispose();
}
