using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NcrsGateway.Core.Audit;

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

    private readonly ServedRequests _served;

    private BenchGateway(WebApplication app, DirectoryInfo data, Uri url, string token, ServedRequests served)
    {
        _app = app;
        _data = data;
        _served = served;
        Url = url;
        Token = token;
    }

    public Uri Url { get; }

    /// <summary>A clinician bearer token the gateway accepts.</summary>
    public string Token { get; }

    /// <param name="pds">The stand-in PDS's base URL.</param>
    /// <param name="nationalBudget">False: the budget raised out of the way (a local stand-in); true: PDS's descriptor default (5/s).</param>
    /// <param name="audit">False: audit rows are dropped instead of recorded (the audit middleware still runs), to measure what recording costs.</param>
    public static async Task<BenchGateway> StartAsync(Uri pds, bool nationalBudget, bool audit = true)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var data = Directory.CreateTempSubdirectory("ncrs-bench-audit-");
        var served = new ServedRequests();
        var app = GatewayApp.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(Settings(pds, key, data.FullName, nationalBudget));
            b.Services.AddSingleton<IStartupFilter>(served);
            if (!audit)
            {
                b.Services.AddSingleton<IAuditTrail, DroppedAuditTrail>(); // before AddAuditTrail, which only adds one when none is
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchGateway(app, data, new Uri(address.TrimEnd('/') + "/"), Mint(key), served);
    }

    /// <summary>The production gateway's configuration for the bench (also given to the soak's separate gateway process).</summary>
    internal static Dictionary<string, string?> Settings(Uri pds, byte[] signingKey, string auditDirectory, bool nationalBudget)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Adapters:Pds:BaseUrl"] = pds.ToString(),
            ["Adapters:Pds:AccessToken"] = "bench-token",
            ["Adapters:Pds:MaxConcurrentRequests"] = "1000",
            ["Authentication:SigningKey"] = Convert.ToBase64String(signingKey),
            ["Authentication:Issuer"] = Issuer,
            ["Authentication:Audience"] = Audience,
            ["Gateway:PublicBaseUrl"] = "https://gateway.bench.invalid/fhir",
            ["Ncrs:LaunchUrlTemplate"] = "https://ncrs.bench.invalid/launch?nhsNumber={nhsNumber}",
            ["RateLimits:PerClient:TokenLimit"] = "1000000",
            ["RateLimits:PerClient:TokensPerPeriod"] = "1000000",
            ["RateLimits:PerOrganisation:TokenLimit"] = "1000000",
            ["RateLimits:PerOrganisation:TokensPerPeriod"] = "1000000",
            ["Audit:DataDirectory"] = auditDirectory,
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

        return settings;
    }

    /// <summary>Requests the gateway answered (every request reaching its pipeline).</summary>
    public long Served => _served.Count;

    /// <summary>Stops the gateway (its audit journal drained into the store) and counts the rows the store holds.</summary>
    public async Task<long> StopAndCountAuditRowsAsync()
    {
        await _app.StopAsync();
        var database = Path.Combine(_data.FullName, "audit.db");
        if (!File.Exists(database))
        {
            return 0;
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM audit_event";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public HttpClient CreateClient()
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        return http;
    }

    internal static string Mint(byte[] key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
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
        await _app.StopAsync(); // a second stop is harmless
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

/// <summary>Counts every request that reaches the gateway's pipeline, when its answer is done.</summary>
internal sealed class ServedRequests : IStartupFilter
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                Interlocked.Increment(ref _count);
            }
        });
        next(app);
    };
}

/// <summary>The audit trail with recording taken out: rows are dropped (the bench's audit-off row).</summary>
internal sealed class DroppedAuditTrail : IAuditTrail
{
    public Task RecordAsync(AuditRecord record, AuditDurability durability, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken) => throw new NotSupportedException("The bench's audit-off gateway keeps no rows.");
}
