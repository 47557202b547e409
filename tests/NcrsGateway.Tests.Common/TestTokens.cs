using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NcrsGateway.Tests.Common;

/// <summary>
/// Mints caller tokens with a known HMAC key. Start a host with <see cref="Settings"/> and it validates them;
/// change the key, audience or lifetime to make tokens the gateway must refuse.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://tests.ncrs-gateway.invalid/issuer";
    public const string Audience = "ncrs-gateway-tests";

    /// <summary>32 fixed bytes, base64: for tests only.</summary>
    public const string SigningKey = "dGVzdHMtb25seS1zaWduaW5nLWtleS0zMi1ieXRlcyE=";

    /// <summary>Another valid-looking key: tokens signed with it have a bad signature.</summary>
    public const string WrongKey = "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXkhISE=";

    public static readonly TestUser Clinician = new("test-clinician-1", "clinician", "Y12345");
    public static readonly TestUser SecondClinician = new("test-clinician-2", "clinician", "Y12345");
    public static readonly TestUser Reader = new("test-reader", "reader", "Y12345");
    public static readonly TestUser Auditor = new("test-auditor", "auditor", "Y12345");
    public static readonly TestUser Support = new("test-support", "support", "Y12345");

    /// <summary>Host settings under which these tokens validate.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Authentication:SigningKey"] = SigningKey,
        ["Authentication:Issuer"] = Issuer,
        ["Authentication:Audience"] = Audience,
    };

    public static string Mint(
        TestUser user,
        string? workstation = null,
        string? sessionId = null,
        DateTimeOffset? notBefore = null,
        TimeSpan? lifetime = null,
        string audience = Audience,
        string key = SigningKey)
    {
        var start = (notBefore ?? DateTimeOffset.UtcNow.AddMinutes(-1)).UtcDateTime;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = user.UserId,
            ["role"] = user.Role,
            ["ods"] = user.OrganisationOds,
            ["sid"] = sessionId ?? $"session-{user.UserId}",
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (workstation is not null)
        {
            claims["workstation"] = workstation;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = start,
            NotBefore = start,
            Expires = start + (lifetime ?? TimeSpan.FromHours(1)),
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A client signed in as <see cref="Clinician"/> on workstation <c>ws-tests</c>.</summary>
    public static HttpClient CreateClinicianClient(this GatewayHost host) => host.CreateClient(Mint(Clinician, "ws-tests"));

    /// <summary>A client that sends <paramref name="token"/> and, when given, an <c>X-Workstation-ID</c> header.</summary>
    public static HttpClient CreateClient(this GatewayHost host, string token, string? workstationHeader = null)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (workstationHeader is not null)
        {
            client.DefaultRequestHeaders.Add("X-Workstation-ID", workstationHeader);
        }

        return client;
    }
}
