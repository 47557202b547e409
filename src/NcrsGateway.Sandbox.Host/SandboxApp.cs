namespace NcrsGateway.Sandbox.Host;

/// <summary>
/// The sandbox composition: <see cref="GatewayApp.Build"/> (exactly the production wiring) with two hooks, one that
/// starts the simulators and points the adapters at them before anything is registered, one that maps <c>/sandbox/*</c>.
/// </summary>
public static class SandboxApp
{
    /// <summary>
    /// The sandbox's own audit folder, relative to the content root: <c>Audit:DataDirectory</c> defaults to it and may
    /// name only it or a folder inside it.
    /// </summary>
    public const string AuditDataDirectory = SandboxRefusals.AuditDataDirectory;

    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">Runs before the sandbox is set up (tests add their configuration here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        GatewayApp.Build(
            args,
            builder =>
            {
                configure?.Invoke(builder);
                builder.UseSandbox();
            },
            app =>
            {
                app.Services.GetRequiredService<SandboxUpstreams>(); // the container now owns (and will stop) the simulators
                app.Logger.LogWarning("Sandbox upstreams in use: national APIs are SIMULATED. Never use this configuration with real patients.");
                app.MapSandboxEndpoints();
            });
}
