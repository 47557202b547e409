using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NcrsGateway.Benchmarks.SideBySide;

/// <summary>
/// The production gateway (<see cref="GatewayApp.Build"/>, not the sandbox host) in front of a stand-in PDS: bearer
/// authentication on (an HMAC signing key, a minted clinician token), inbound rate limits raised out of the way, audit on
/// (SQLite, a journal in a temporary folder), telemetry as in production (OpenTelemetry instrumentation; no exporter
/// unless <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set). Logs at Warning (adapters at Error) so the console does not become the bottleneck.
/// </summary>
internal sealed class BenchGateway : IAsyncDisposable
{
    private const string Issuer = "https://bench.ncrs-gateway.invalid/issuer";
    private const string Audience = "ncrs-gateway-bench";
    private readonly WebApplication _app;
    private readonly DirectoryInfo _data;

    private BenchGateway(WebApplication app, DirectoryInfo data, Uri url, string token)
    {
        _app = app;
        _data = data;
        Url = url;
        Token = token;
    }

    public Uri Url { get; }

    /// <summary>A clinician bearer token the gateway accepts.</summary>
    public string Token { get; }

    /// <param name="pds">The stand-in PDS's base URL.</param>
    /// <param name="pdsBudget">Null: the budget raised out of the way (a local stand-in); else PDS's descriptor default (5/s).</param>
    public static async Task<BenchGateway> StartAsync(Uri pds, bool nationalBudget)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var data = Directory.CreateTempSubdirectory("ncrs-bench-audit-");
        var settings = new Dictionary<string, string?>
        {
            ["Adapters:Pds:BaseUrl"] = pds.ToString(),
            ["Adapters:Pds:AccessToken"] = "bench-token",
            ["Adapters:Pds:MaxConcurrentRequests"] = "1000",
            ["Authentication:SigningKey"] = Convert.ToBase64String(key),
            ["Authentication:Issuer"] = Issuer,
            ["Authentication:Audience"] = Audience,
            ["Gateway:PublicBaseUrl"] = "https://gateway.bench.invalid/fhir",
            ["Ncrs:LaunchUrlTemplate"] = "https://ncrs.bench.invalid/launch?nhsNumber={nhsNumber}",
            ["RateLimits:PerClient:TokenLimit"] = "1000000",
            ["RateLimits:PerClient:TokensPerPeriod"] = "1000000",
            ["RateLimits:PerOrganisation:TokenLimit"] = "1000000",
            ["RateLimits:PerOrganisation:TokensPerPeriod"] = "1000000",
            ["Audit:DataDirectory"] = data.FullName,
            ["Audit:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Audit:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:NcrsGateway.Adapters"] = "Error", // the capacity scenario refuses thousands of calls on purpose
        };
        if (!nationalBudget)
        {
            settings["Adapters:Pds:RequestsPerSecond"] = "100000"; // a fast local stand-in, not the national service
            settings["Adapters:Pds:Burst"] = "1000";
        }

        var app = GatewayApp.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(settings);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchGateway(app, data, new Uri(address.TrimEnd('/') + "/"), Mint(key));
    }

    public HttpClient CreateClient()
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        return http;
    }

    private static string Mint(byte[] key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        IssuedAt = DateTime.UtcNow.AddMinutes(-1),
        Expires = DateTime.UtcNow.AddHours(4),
        Subject = new ClaimsIdentity(),
        Claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = "bench-clinician",
            ["role"] = "clinician",
            ["ods"] = "Y12345",
            ["sid"] = "bench-session",
            ["jti"] = Guid.NewGuid().ToString("N"),
        },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // the audit store may still hold a file for a moment; it is in the temporary folder
        }
    }
}
