using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Hosting;

/// <summary>The console log is readable text where a person watches it (the sandbox host), JSON in production, and configurable.</summary>
public sealed class ConsoleFormatTests
{
    [Fact]
    public async Task SandboxHost_LogsSimpleText()
    {
        await using var host = await GatewayHost.StartAsync();

        Assert.Equal(ConsoleFormatterNames.Simple, FormatterOf(host));
    }

    [Fact]
    public async Task ProductionComposition_LogsJson()
    {
        using var pds = new PdsUpstream();
        await using var host = await GatewayHost.StartAsync(pds.Settings());

        Assert.Equal(ConsoleFormatterNames.Json, FormatterOf(host));
    }

    [Fact]
    public async Task ConfiguredFormat_WinsOverTheHostsDefault()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Telemetry:ConsoleFormat"] = "json" });

        Assert.Equal(ConsoleFormatterNames.Json, FormatterOf(host));
    }

    [Fact]
    public async Task UnknownFormat_StopsStartUpWithAClearMessage()
    {
        using var pds = new PdsUpstream();
        var settings = pds.Settings();
        settings["Telemetry:ConsoleFormat"] = "xml";

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(settings));

        Assert.Contains("Telemetry:ConsoleFormat must be 'simple' or 'json'", refused.Message, StringComparison.Ordinal);
    }

    private static string? FormatterOf(GatewayHost host) => host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
}
