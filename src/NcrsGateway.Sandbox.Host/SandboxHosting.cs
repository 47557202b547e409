using NcrsGateway.ClinicalContext;
using NcrsGateway.Hosting;

namespace NcrsGateway.Sandbox.Host;

/// <summary>
/// Starts the embedded WireMock simulators and points every adapter at them; running this host is what turns the sandbox
/// on (<c>Sandbox:Enabled</c> may say true, never false). Refuses to start when combined with a real upstream or
/// production authentication: the sandbox never runs beside real services or real keys.
/// </summary>
internal static class SandboxHosting
{
    public const string EnabledKey = DevelopmentHost.SandboxEnabledKey;

    /// <summary>Settings that mean "real services or real keys": none may be set with the sandbox.</summary>
    private static readonly string[] ProductionKeys =
    [
        "Authentication:Authority",
        "Authentication:SigningKey",
        "Authentication:Issuer",
        "Documents:SspBaseUrl",
        "Documents:SspFromAsid",
    ];

    public static void UseSandbox(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        RefuseDisabled(config);
        var conflicts = ConflictingKeys(config);
        if (conflicts.Count > 0)
        {
            throw new GatewayConfigurationException(
                $"{EnabledKey}=true cannot be combined with {string.Join(", ", conflicts)}: the sandbox never runs beside real upstreams or production authentication. Remove those keys, or run src/NcrsGateway.");
        }

        var key = SandboxSigningKey.Create();
        new DevelopmentHost(key.Key).Use(builder);
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton<SandboxTokenIssuer>();

        var sandbox = SandboxUpstreams.Start();
        builder.Services.AddSingleton(_ => sandbox); // owned by the container: stopped when the app is disposed
        var allowed = config.GetSection("Documents:AllowedHosts").GetChildren().Count();
        var settings = new Dictionary<string, string?>
        {
            [EnabledKey] = "true",
            ["Adapters:Pds:BaseUrl"] = sandbox.PdsBaseUrl.ToString(),
            ["Adapters:Pds:AccessToken"] = config["Adapters:Pds:AccessToken"] ?? "sandbox-token",
            ["Adapters:Nrl:BaseUrl"] = sandbox.NrlBaseUrl.ToString(),
            ["Adapters:Nrl:AccessToken"] = config["Adapters:Nrl:AccessToken"] ?? "sandbox-token",
            ["Adapters:Nrl:AllowHttpContentUrls"] = "true",
            ["Adapters:Immunisation:BaseUrl"] = sandbox.ImmunisationBaseUrl.ToString(),
            ["Adapters:Immunisation:AccessToken"] = config["Adapters:Immunisation:AccessToken"] ?? "sandbox-token",

            // The sandbox repository serves documents over plain HTTP on the simulators' loopback port.
            [$"Documents:AllowedHosts:{allowed}"] = sandbox.DocumentsBaseUrl.Authority,
            ["Documents:AllowHttp"] = "true",
        };
        Default(config, settings, $"{NcrsOptions.SectionName}:{nameof(NcrsOptions.LaunchUrlTemplate)}", NcrsOptions.SandboxLaunchUrlTemplate);
        Default(config, settings, $"{ClinicalContextOptions.SectionName}:{nameof(ClinicalContextOptions.AcceptWorkstationHeader)}", "true");
        config.AddInMemoryCollection(settings);
    }

    private static void Default(IConfiguration config, Dictionary<string, string?> settings, string key, string value)
    {
        if (string.IsNullOrWhiteSpace(config[key]))
        {
            settings[key] = value;
        }
    }

    /// <summary><c>Sandbox:Enabled</c> may be unset or true here; false or anything else is a configuration error.</summary>
    private static void RefuseDisabled(IConfiguration config)
    {
        var value = config[EnabledKey];
        if (string.IsNullOrWhiteSpace(value) || (bool.TryParse(value, out var enabled) && enabled))
        {
            return;
        }

        throw new GatewayConfigurationException(bool.TryParse(value, out _)
            ? $"{EnabledKey}=false: this is the sandbox host; run src/NcrsGateway for a gateway without the sandbox."
            : $"{EnabledKey} must be true or false (it is '{value}').");
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
