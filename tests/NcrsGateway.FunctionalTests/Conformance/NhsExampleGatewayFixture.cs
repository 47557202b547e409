using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Conformance;

/// <summary>One gateway whose PDS and NRL are WireMock servers, each test scripting the NHS example the upstream answers.</summary>
public sealed class NhsExampleGatewayFixture : IAsyncLifetime
{
    public PdsUpstream Pds { get; } = new();

    public NrlUpstream Nrl { get; } = new();

    public GatewayHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = Pds.Settings();
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:05"; // generous: a cold first request on a busy box is not a slow upstream
        settings["Adapters:Pds:TotalTimeout"] = "00:00:08";
        foreach (var (key, value) in Nrl.Settings())
        {
            settings[key] = value;
        }

        Host = await GatewayHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Pds.Dispose();
        Nrl.Dispose();
    }
}
