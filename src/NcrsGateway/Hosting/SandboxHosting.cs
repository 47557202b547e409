using NcrsGateway.Sandbox;

namespace NcrsGateway.Hosting;

/// <summary>
/// Starts the embedded WireMock simulators only when <c>Sandbox:Enabled=true</c> (default false; no environment turns
/// it on) and points every adapter at them. Refuses to start when the sandbox is asked for together with a real
/// upstream or production authentication: the sandbox never runs beside real services or real keys.
/// </summary>
internal static class SandboxHosting
{
    public const string EnabledKey = "Sandbox:Enabled";

    /// <summary>Settings that mean "real services or real keys": none may be set with the sandbox.</summary>
    private static readonly string[] ProductionKeys =
    [
        "Authentication:Authority",
        "Authentication:SigningKey",
        "Authentication:Issuer",
        "Documents:SspBaseUrl",
        "Documents:SspFromAsid",
    ];

    public static bool UseSandboxWhenEnabled(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (!Enabled(config))
        {
            return false;
        }

        var conflicts = ConflictingKeys(config);
        if (conflicts.Count > 0)
        {
            throw new GatewayConfigurationException(
                $"{EnabledKey}=true cannot be combined with {string.Join(", ", conflicts)}: the sandbox never runs beside real upstreams or production authentication. Remove those keys, or set {EnabledKey}=false.");
        }

        var sandbox = SandboxUpstreams.Start();
        builder.Services.AddSingleton(_ => sandbox); // owned by the container: stopped when the app is disposed
        var allowed = config.GetSection("Documents:AllowedHosts").GetChildren().Count();
        config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ConfiguredUpstreams.PdsBaseUrlKey] = sandbox.PdsBaseUrl.ToString(),
            ["Adapters:Pds:AccessToken"] = config["Adapters:Pds:AccessToken"] ?? "sandbox-token",
            [ConfiguredUpstreams.NrlBaseUrlKey] = sandbox.NrlBaseUrl.ToString(),
            ["Adapters:Nrl:AccessToken"] = config["Adapters:Nrl:AccessToken"] ?? "sandbox-token",
            ["Adapters:Nrl:AllowHttpContentUrls"] = "true",

            // The sandbox repository serves documents over plain HTTP on the simulators' loopback port.
            [$"Documents:AllowedHosts:{allowed}"] = sandbox.DocumentsBaseUrl.Authority,
            ["Documents:AllowHttp"] = "true",
        });
        return true;
    }

    /// <summary><c>Sandbox:Enabled</c>: true only when set to true; anything but true/false is a configuration error.</summary>
    private static bool Enabled(IConfiguration config)
    {
        var value = config[EnabledKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        return bool.TryParse(value, out var enabled)
            ? enabled
            : throw new GatewayConfigurationException($"{EnabledKey} must be true or false (it is '{value}').");
    }

    private static List<string> ConflictingKeys(IConfiguration config)
    {
        var keys = config.GetSection("Adapters").GetChildren()
            .Select(adapter => $"Adapters:{adapter.Key}:BaseUrl")
            .Concat(ProductionKeys)
            .Where(key => !string.IsNullOrWhiteSpace(config[key]))
            .ToList();
        if (config.GetSection("Documents:AllowedHosts").GetChildren().Any(h => !string.IsNullOrWhiteSpace(h.Value)))
        {
            keys.Add("Documents:AllowedHosts");
        }

        return keys;
    }
}
