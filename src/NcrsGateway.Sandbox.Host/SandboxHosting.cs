using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NcrsGateway.ClinicalContext;
using NcrsGateway.Events;
using NcrsGateway.Sandbox.Host.Mns;
using NcrsGateway.Hosting;

namespace NcrsGateway.Sandbox.Host;

/// <summary>
/// Starts the embedded WireMock simulators and points every adapter at them; running this host is what turns the sandbox
/// on (<c>Sandbox:Enabled</c> may say true, never false). Refuses to start when combined with a real upstream,
/// production authentication or any state another gateway could share (<see cref="SandboxRefusals"/>).
/// </summary>
internal static class SandboxHosting
{
    public const string EnabledKey = DevelopmentHost.SandboxEnabledKey;
    private const string EventsSecretKey = $"{EventsOptions.SectionName}:{nameof(EventsOptions.SharedSecret)}";
    private const string EventsSigningKey = $"{EventsOptions.SectionName}:{nameof(EventsOptions.SigningKey)}";

    /// <summary>
    /// Registers every simulator (<see cref="SandboxServiceCollectionExtensions.AddSandboxSimulators"/>, after any the caller
    /// added), starts them on one loopback server owned by the container, and points each adapter at its simulator
    /// before the adapters register (an adapter registers only when configured). After the build, start is refused
    /// while a registered adapter has no simulator.
    /// </summary>
    public static void UseSandbox(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        RefuseDisabled(config);
        var simulators = SandboxSimulators.From(builder.Services.AddSandboxSimulators());
        var refused = SandboxRefusals.Find(config, simulators, builder.Environment.ContentRootPath);
        if (refused.Count > 0)
        {
            throw new GatewayConfigurationException(refused); // one line each
        }

        if (string.IsNullOrWhiteSpace(config[ServiceDefaults.ConsoleFormat.Key]))
        {
            config[ServiceDefaults.ConsoleFormat.Key] = ServiceDefaults.ConsoleFormat.Simple; // a person reads this console
        }

        var key = SandboxSigningKey.Create();
        new DevelopmentHost(key.Key).Use(builder);
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton<SandboxTokenIssuer>();
        builder.Services.AddSingleton<SandboxMnsEmitter>();
        builder.Services.AddHttpClient(SandboxMnsEmitter.ClientName);

        var sandbox = SandboxUpstreams.Start(simulators);
        builder.Services.AddSingleton(_ => sandbox); // owned by the container: stopped when the app is disposed
        builder.Services.AddOptions<SandboxSimulatorCoverage>().ValidateOnStart(); // after the build: every adapter has a simulator
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SandboxSimulatorCoverage>, SandboxSimulatorCoverageValidator>());
        var settings = new Dictionary<string, string?> { [EnabledKey] = "true" };
        foreach (var simulator in simulators)
        {
            foreach (var (relative, value) in simulator.Settings(sandbox.BaseUrl, config.GetSection(simulator.ConfigurationSection)))
            {
                settings[ConfigurationPath.Combine(simulator.ConfigurationSection, relative)] = value;
            }
        }

        settings["Authentication:Audience"] = key.Audience; // generated: no production token names it
        Default(config, settings, "Audit:DataDirectory", SandboxRefusals.AuditDataDirectory);
        Default(config, settings, $"{NcrsOptions.SectionName}:{nameof(NcrsOptions.LaunchUrlTemplate)}", NcrsOptions.SandboxLaunchUrlTemplate);
        Default(config, settings, $"{ClinicalContextOptions.SectionName}:{nameof(ClinicalContextOptions.AcceptWorkstationHeader)}", "true");
        if (string.IsNullOrWhiteSpace(config[EventsSecretKey]) && string.IsNullOrWhiteSpace(config[EventsSigningKey]))
        {
            // the sandbox's own MNS sender secret, random per process: events are on, and only /sandbox/mns/emit knows it
            settings[EventsSecretKey] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        }

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
}
