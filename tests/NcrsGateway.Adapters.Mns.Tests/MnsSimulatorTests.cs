using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Model.Events;
using NcrsGateway.Core.Ports;
using NcrsGateway.Sandbox;

namespace NcrsGateway.Adapters.Mns.Tests;

/// <summary>The adapter against the sandbox's MNS simulator: what it creates is listed, and every create counts.</summary>
public sealed class MnsSimulatorTests : IDisposable
{
    private readonly SandboxUpstreams _sandbox = SandboxUpstreams.Start();

    [Fact]
    public async Task Create_ThenList_ShowsTheActiveSubscription_AndTheSimulatorCountsOneCreate()
    {
        using var adapter = Adapter();
        var port = adapter.GetRequiredService<IEventSubscriptions>();
        var request = new EventSubscriptionRequest("pds-change-of-gp-2", new Uri("https://gateway.example.nhs.uk/events/mns"));

        var created = await port.CreateAsync(request, new RequestContext("sim-1", null), CancellationToken.None);
        var listed = await port.ListAsync(new RequestContext("sim-2", null), CancellationToken.None);

        Assert.Equal("active", created.Status);
        Assert.Equal(request.EventType, created.EventType);
        Assert.Equal(request.Endpoint, created.Endpoint);
        Assert.Equal(created.Id, Assert.Single(listed).Id);
        Assert.Equal(1, MnsSimulator.CreateCount(_sandbox.Server));
    }

    [Fact]
    public void Descriptor_HasASandboxSimulator()
    {
        Assert.Contains(SandboxSimulators.All, s => s.Name == MnsServiceCollectionExtensions.Descriptor.SimulatorName);
    }

    public void Dispose() => _sandbox.Dispose();

    private ServiceProvider Adapter()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapters:Mns:BaseUrl"] = _sandbox.MnsBaseUrl.ToString(),
            ["Adapters:Mns:AccessToken"] = "sandbox-token",
            ["Adapters:Mns:AttemptTimeout"] = "00:00:30", // generous, as the contract kit's: a starved machine is not a slow MNS
            ["Adapters:Mns:TotalTimeout"] = "00:01:00",
        }).Build();
        return new ServiceCollection().AddLogging().AddMnsAdapter(configuration).BuildServiceProvider();
    }
}
