using NcrsGateway.Sandbox;

namespace NcrsGateway.Hosting;

/// <summary>
/// Starts the embedded WireMock simulators when any upstream has no base URL configured, and points each
/// unconfigured adapter at them (a configured one is left alone). The sandbox only ever stands in for
/// national APIs; it is logged loudly at start.
/// </summary>
internal static class SandboxHosting
{
    public const string EnabledKey = "Sandbox:Enabled";

    public static bool UseSandboxWhereUnconfigured(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var pds = string.IsNullOrWhiteSpace(config["Adapters:Pds:BaseUrl"]);
        var nrl = string.IsNullOrWhiteSpace(config["Adapters:Nrl:BaseUrl"]);
        if (!config.GetValue(EnabledKey, true) || !(pds || nrl))
        {
            return false;
        }

        var sandbox = SandboxUpstreams.Start();
        builder.Services.AddSingleton(sandbox);
        var settings = new Dictionary<string, string?>();
        if (pds)
        {
            settings["Adapters:Pds:BaseUrl"] = sandbox.PdsBaseUrl.ToString();
            settings["Adapters:Pds:AccessToken"] = config["Adapters:Pds:AccessToken"] ?? "sandbox-token";
        }

        if (nrl)
        {
            settings["Adapters:Nrl:BaseUrl"] = sandbox.NrlBaseUrl.ToString();
            settings["Adapters:Nrl:AccessToken"] = config["Adapters:Nrl:AccessToken"] ?? "sandbox-token";
            settings["Adapters:Nrl:AllowHttpContentUrls"] = "true";

            // The sandbox repository serves documents over plain HTTP on the simulators' loopback port.
            var allowed = config.GetSection("Documents:AllowedHosts").GetChildren().Count();
            settings[$"Documents:AllowedHosts:{allowed}"] = sandbox.DocumentsBaseUrl.Authority;
            settings["Documents:AllowHttp"] = "true";
        }

        config.AddInMemoryCollection(settings);
        return true;
    }
}
