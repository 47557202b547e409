using NcrsGateway.Sandbox;

namespace NcrsGateway.Hosting;

/// <summary>
/// Starts the embedded WireMock simulators when an upstream has no base URL configured, and points that
/// adapter at them. The sandbox only ever stands in for national APIs; it is logged loudly at start.
/// </summary>
internal static class SandboxHosting
{
    public const string EnabledKey = "Sandbox:Enabled";

    public static bool UseSandboxWhereUnconfigured(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (!config.GetValue(EnabledKey, true) || !string.IsNullOrWhiteSpace(config["Adapters:Pds:BaseUrl"]))
        {
            return false;
        }

        var sandbox = SandboxUpstreams.Start();
        builder.Services.AddSingleton(sandbox);
        config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapters:Pds:BaseUrl"] = sandbox.PdsBaseUrl.ToString(),
            ["Adapters:Pds:AccessToken"] = config["Adapters:Pds:AccessToken"] ?? "sandbox-token",
        });
        return true;
    }
}
