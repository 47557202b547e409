using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.Tests.Common;

/// <summary>
/// A real gateway on Kestrel, port 0, loopback only, built by the same <see cref="GatewayApp.Build"/> as
/// production (sandbox hosts by <see cref="Sandbox.Host.SandboxApp.Build"/>, the sandbox host's composition). Settings override configuration; logs are captured for redaction checks.
/// </summary>
/// <remarks>
/// Test defaults: a host given no <c>Adapters:*:BaseUrl</c> runs the sandbox (<c>Sandbox:Enabled=true</c>, unless the
/// caller says otherwise) and also accepts <see cref="TestTokens"/> through a test-only bearer post-configuration (the
/// sandbox itself refuses a configured signing key). A host with real (WireMock) upstreams gets
/// <see cref="TestPublicBaseUrl"/> as <c>Gateway:PublicBaseUrl</c>: links in its answers start with
/// <see cref="PublicFhirBase"/>; <see cref="Follow"/> turns such a link into one this host answers.
/// </remarks>
public sealed class GatewayHost : IAsyncDisposable
{
    /// <summary>The <c>Gateway:PublicBaseUrl</c> a host with configured upstreams gets unless the caller sets one.</summary>
    public const string TestPublicBaseUrl = "https://gateway.tests.invalid/fhir";

    private readonly string? _ownedAuditDirectory;
    private IDisposable? _ownedUpstreams;

    private GatewayHost(WebApplication app, Uri baseAddress, CapturedLogs logs, string? publicBaseUrl, string? ownedAuditDirectory)
    {
        _ownedAuditDirectory = ownedAuditDirectory;
        App = app;
        BaseAddress = baseAddress;
        Logs = logs;
        PublicFhirBase = publicBaseUrl is null ? FhirBase : new Uri(publicBaseUrl.TrimEnd('/') + "/");
    }

    public WebApplication App { get; }

    /// <summary>The server root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The FHIR base, e.g. http://127.0.0.1:41234/fhir/.</summary>
    public Uri FhirBase => new(BaseAddress, "fhir/");

    /// <summary>The FHIR base links in answers start with: <see cref="FhirBase"/> in the sandbox, else <c>Gateway:PublicBaseUrl</c>.</summary>
    public Uri PublicFhirBase { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<GatewayHost> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var logs = new CapturedLogs();
        var effective = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        var sandbox = IsSandbox(effective);
        var ownedAuditDirectory = sandbox
            ? Path.Combine(Sandbox.Host.SandboxApp.AuditDataDirectory, "ncrs-audit-" + Guid.NewGuid().ToString("N")) // inside the sandbox's own folder, as it requires
            : Path.Combine(Path.GetTempPath(), "ncrs-audit-" + Guid.NewGuid().ToString("N"));
        if (!effective.TryAdd("Audit:DataDirectory", ownedAuditDirectory))
        {
            ownedAuditDirectory = null; // the caller's folder: the caller cleans it up
        }

        if (!sandbox)
        {
            // the sandbox generates its own audit keys and refuses configured ones
            effective.TryAdd("Audit:EncryptionKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            effective.TryAdd("Audit:HashKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }

        var merged = WithTestDefaults(effective, sandbox);
        void Configure(WebApplicationBuilder builder)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(merged);
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(logs);
            if (sandbox)
            {
                AcceptTestTokens(builder);
            }

            if (ownedAuditDirectory is not null)
            {
                ownedAuditDirectory = Path.Combine(builder.Environment.ContentRootPath, ownedAuditDirectory); // as the gateway resolves it
            }

            configure?.Invoke(builder);
        }

        WebApplication? app = null;
        try
        {
            app = sandbox ? Sandbox.Host.SandboxApp.Build([], Configure) : GatewayApp.Build([], Configure);
            await app.StartAsync();
        }
        catch
        {
            // tests that expect the start to be refused leave nothing behind either
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            TempFolder.Delete(ownedAuditDirectory ?? string.Empty);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        merged.TryGetValue("Gateway:PublicBaseUrl", out var publicBaseUrl);
        return new GatewayHost(app, new Uri(address.TrimEnd('/') + "/"), logs, sandbox ? null : publicBaseUrl, ownedAuditDirectory);
    }

    /// <summary>
    /// The production composition (not the sandbox) against this library's simulators, which the host owns: for tests
    /// that need what the sandbox refuses (a PostgreSQL audit store, an audit folder of their own, Redis, configured
    /// keys). Every adapter points at its simulator; <paramref name="settings"/> win.
    /// </summary>
    public static async Task<GatewayHost> StartWithSimulatorsAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var upstreams = Sandbox.SandboxUpstreams.Start();
        try
        {
            var merged = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
            var none = new ConfigurationBuilder().Build();
            foreach (var simulator in upstreams.Simulators)
            {
                foreach (var (key, value) in simulator.Settings(upstreams.BaseUrl, none.GetSection(simulator.ConfigurationSection)))
                {
                    merged.TryAdd(ConfigurationPath.Combine(simulator.ConfigurationSection, key), value);
                }
            }

            var host = await StartAsync(merged, configure);
            host._ownedUpstreams = upstreams;
            return host;
        }
        catch
        {
            upstreams.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Maps a link the gateway wrote (under <see cref="PublicFhirBase"/>) onto this host's real address, so a test can follow it.
    /// </summary>
    public Uri Follow(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var prefix = PublicFhirBase.ToString();
        return link.StartsWith(prefix, StringComparison.Ordinal) ? new Uri(FhirBase, link[prefix.Length..]) : new Uri(link);
    }

    /// <summary><c>Sandbox:Enabled</c> as the caller set it (null: off, the production default); unset: on when no upstream base URL is given.</summary>
    private static bool IsSandbox(Dictionary<string, string?> settings)
    {
        if (settings.TryGetValue("Sandbox:Enabled", out var enabled))
        {
            return bool.TryParse(enabled, out var on) && on; // an explicit null asks for the production default (off)
        }

        return !settings.Any(s => s.Key.StartsWith("Adapters:", StringComparison.OrdinalIgnoreCase)
            && s.Key.EndsWith(":BaseUrl", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(s.Value));
    }

    /// <summary>
    /// The caller's settings over the test defaults. Sandbox hosts: <c>Sandbox:Enabled=true</c> and no test-token
    /// authentication keys (the sandbox refuses a configured key; <see cref="AcceptTestTokens"/> stands in). Other hosts:
    /// <see cref="TestTokens"/> settings, <see cref="TestPublicBaseUrl"/> and a placeholder NCRS template.
    /// </summary>
    private static Dictionary<string, string?> WithTestDefaults(Dictionary<string, string?> settings, bool sandbox)
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (sandbox)
        {
            merged["Sandbox:Enabled"] = "true";
        }
        else
        {
            foreach (var (key, value) in TestTokens.Settings())
            {
                merged[key] = value;
            }

            merged["Gateway:PublicBaseUrl"] = TestPublicBaseUrl;
            merged["Ncrs:LaunchUrlTemplate"] = "https://ncrs.test.invalid/launch?nhsNumber={nhsNumber}";
        }

        var testAuthentication = TestTokens.Settings();
        foreach (var (key, value) in settings)
        {
            if (sandbox && testAuthentication.TryGetValue(key, out var testValue) && testValue == value)
            {
                continue; // a fixture that passes TestTokens.Settings() to a sandbox host: AcceptTestTokens covers it
            }

            merged[key] = value;
        }

        return merged;
    }

    /// <summary>
    /// Test-only: a sandbox host also validates <see cref="TestTokens"/> (their key, issuer and audience) besides the
    /// sandbox issuer's own tokens. Done on the bearer options in code, never through configuration.
    /// </summary>
    private static void AcceptTestTokens(WebApplicationBuilder builder) =>
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var p = jwt.TokenValidationParameters;
            p.IssuerSigningKeys = [.. p.IssuerSigningKeys ?? [], new SymmetricSecurityKey(Convert.FromBase64String(TestTokens.SigningKey))];
            p.ValidIssuers = [.. p.ValidIssuers ?? [], TestTokens.Issuer];
            p.ValidAudiences = [.. p.ValidAudiences ?? [], TestTokens.Audience];
        });

    /// <summary>An anonymous client (no bearer token); use <see cref="TestTokens.CreateClinicianClient"/> for clinical routes.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        _ownedUpstreams?.Dispose();
        if (_ownedAuditDirectory is not null)
        {
            TempFolder.Delete(_ownedAuditDirectory);
        }
    }
}
