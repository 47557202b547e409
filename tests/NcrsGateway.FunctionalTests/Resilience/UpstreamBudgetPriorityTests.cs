using Microsoft.Extensions.Logging.Abstractions;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.FunctionalTests.Resilience;

/// <summary>The request budget's line: a clinician waiting goes before background work, whoever came first.</summary>
public sealed class UpstreamBudgetPriorityTests : IDisposable
{
    private readonly UpstreamBudget _budget = new(
        "pds", new RequestBudget(RequestsPerSecond: 2, Burst: 1), new UpstreamBackoff(TimeProvider.System, TimeSpan.FromMinutes(5)), shared: null, NullLogger.Instance);

    public void Dispose() => _budget.Dispose();

    [Fact]
    public async Task SpentBudget_ClinicalCallerWhoCameSecond_GetsTheNextSlotBeforeBackgroundWork()
    {
        Assert.True((await _budget.EnterAsync(RequestPriority.Clinical, TimeSpan.Zero, CancellationToken.None)).Allowed);

        var background = _budget.EnterAsync(RequestPriority.Background, TimeSpan.FromSeconds(10), CancellationToken.None).AsTask();
        var clinical = _budget.EnterAsync(RequestPriority.Clinical, TimeSpan.FromSeconds(10), CancellationToken.None).AsTask();

        var first = await Task.WhenAny(background, clinical);
        Assert.Same(clinical, first);
        Assert.True((await clinical).Allowed);
        Assert.False(background.IsCompleted, "the background call waits for the slot after");
        Assert.True((await background).Allowed);
    }

    [Fact]
    public async Task SpentBudget_CallThatCannotBeServedWithinItsWait_IsRefusedAtOnceWithWhenToComeBack()
    {
        Assert.True((await _budget.EnterAsync(RequestPriority.Clinical, TimeSpan.Zero, CancellationToken.None)).Allowed);

        var refused = await _budget.EnterAsync(RequestPriority.Clinical, TimeSpan.FromMilliseconds(100), CancellationToken.None);

        Assert.False(refused.Allowed);
        Assert.False(refused.UpstreamPaused);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)); // the next token, 0.5 s apart
        Assert.IsType<UpstreamBudgetException>(refused.Refusal);
    }
}
