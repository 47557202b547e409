using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;
using NcrsGateway.Events.Inbox;
using NcrsGateway.Events.Processing;

namespace NcrsGateway.Events.Tests.Processing;

public sealed class PatientEventHandlerTests
{
    private static readonly NhsNumber Patient = NhsNumber.TryParse("9000000009", out var n) ? n : throw new InvalidOperationException();

    [Theory]
    [InlineData("pds-death-notification-2")]
    [InlineData("nhs-number-change-2")]
    public async Task Refetch_UsesTheUpstreamBudgetsBackgroundPriority_SoClinicalReadsGoFirst(string type)
    {
        var pds = new CapturingDemographics();
        using var services = new ServiceCollection().AddSingleton<IDemographicsSource>(pds).BuildServiceProvider();
        using var counters = new EventCounters();

        await new PatientEventHandler(services, counters).HandleAsync(Patient, [Row(type)], null, CancellationToken.None);

        var context = Assert.Single(pds.Contexts);
        Assert.Equal(RequestPriority.Background, context.Priority);
    }

    [Fact]
    public async Task RecordChange_WithoutCachedCopy_RefetchesNothing()
    {
        var pds = new CapturingDemographics();
        using var services = new ServiceCollection().AddSingleton<IDemographicsSource>(pds).BuildServiceProvider();
        using var counters = new EventCounters();

        var (acted, _) = await new PatientEventHandler(services, counters).HandleAsync(Patient, [Row("pds-record-change-2")], null, CancellationToken.None);

        Assert.True(acted);
        Assert.Empty(pds.Contexts);
    }

    private static InboxRow Row(string type) =>
        new(Guid.NewGuid(), "test", Guid.NewGuid().ToString(), type, [1], [2], null, null, DateTimeOffset.UnixEpoch, InboxStatus.Pending, 1, DateTimeOffset.UnixEpoch, null, null);

    /// <summary>Records each re-fetch's context, then answers not found (settled, not retried).</summary>
    private sealed class CapturingDemographics : IDemographicsSource
    {
        public List<RequestContext> Contexts { get; } = [];

        public Task<PatientRecord> ReadAsync(NhsNumber nhsNumber, RequestContext context, CancellationToken cancellationToken)
        {
            Contexts.Add(context);
            throw new GatewayException(GatewayErrors.PatientNotFound);
        }

        public Task<IReadOnlyList<PatientMatch>> SearchAsync(PatientSearchQuery query, RequestContext context, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
