namespace NcrsGateway.Hosting;

/// <summary>
/// What a development host (<c>src/NcrsGateway.Sandbox.Host</c>) tells the production composition before it runs:
/// the key of its demo token issuer. Only that host sets it; the production host never does, so production rules
/// (an authority or signing key, <c>Gateway:PublicBaseUrl</c>, audit keys, an absolute NCRS URL) always apply there.
/// </summary>
public sealed record DevelopmentHost(ReadOnlyMemory<byte> TokenSigningKey)
{
    /// <summary>The demo token issuer's <c>iss</c>: never configurable, never accepted by a production host.</summary>
    public const string TokenIssuer = "https://ncrs-gateway.sandbox.invalid/issuer";

    public const string DefaultAudience = "ncrs-gateway";

    /// <summary>The key the production host refuses when it is true: the sandbox has its own host.</summary>
    public const string SandboxEnabledKey = "Sandbox:Enabled";

    public void Use(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Properties[typeof(DevelopmentHost)] = this;
    }

    /// <summary>The development host's settings, or null in the production host (which then refuses <c>Sandbox:Enabled=true</c>).</summary>
    public static DevelopmentHost? From(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Properties.TryGetValue(typeof(DevelopmentHost), out var value) && value is DevelopmentHost development)
        {
            return development;
        }

        var enabled = builder.Configuration[SandboxEnabledKey];
        if (string.IsNullOrWhiteSpace(enabled) || (bool.TryParse(enabled, out var on) && !on))
        {
            return null;
        }

        throw new GatewayConfigurationException(bool.TryParse(enabled, out _)
            ? $"{SandboxEnabledKey}=true: this is the production host, which never runs the sandbox; use src/NcrsGateway.Sandbox.Host."
            : $"{SandboxEnabledKey} must be true or false (it is '{enabled}').");
    }
}
