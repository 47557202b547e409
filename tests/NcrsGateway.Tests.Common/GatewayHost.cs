using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NcrsGateway.Tests.Common;

/// <summary>
/// A real gateway on Kestrel, port 0, loopback only, built by the same <see cref="GatewayApp.Build"/> as
/// production. Settings override configuration; logs are captured for redaction checks.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private GatewayHost(WebApplication app, Uri baseAddress, CapturedLogs logs)
    {
        App = app;
        BaseAddress = baseAddress;
        Logs = logs;
    }

    public WebApplication App { get; }

    /// <summary>The server root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The FHIR base, e.g. http://127.0.0.1:41234/fhir/.</summary>
    public Uri FhirBase => new(BaseAddress, "fhir/");

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<GatewayHost> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var logs = new CapturedLogs();
        var effective = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        effective.TryAdd("Audit:DataDirectory", Path.Combine(Path.GetTempPath(), "ncrs-audit-" + Guid.NewGuid().ToString("N")));
        effective.TryAdd("Audit:EncryptionKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        effective.TryAdd("Audit:HashKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        var app = GatewayApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(WithTestDefaults(effective));
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(logs);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayHost(app, new Uri(address.TrimEnd('/') + "/"), logs);
    }

    /// <summary>
    /// <see cref="TestTokens"/> settings under the caller's (which win), and a placeholder NCRS template when the
    /// caller turns the sandbox off, so every host validates test tokens and starts.
    /// </summary>
    private static Dictionary<string, string?> WithTestDefaults(IDictionary<string, string?>? settings)
    {
        var merged = TestTokens.Settings();
        if (settings?.ContainsKey("Adapters:Pds:BaseUrl") == true)
        {
            merged["Ncrs:LaunchUrlTemplate"] = "https://ncrs.test.invalid/launch?nhsNumber={nhsNumber}";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return merged;
    }

    /// <summary>An anonymous client (no bearer token); use <see cref="TestTokens.CreateClinicianClient"/> for clinical routes.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
