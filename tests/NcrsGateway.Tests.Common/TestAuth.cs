using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Tests.Common;

/// <summary>
/// Test-only authentication: headers <c>X-Test-User</c>, <c>X-Test-Role</c> and <c>X-Test-Ods</c> become the
/// claims <c>sub</c>, <c>role</c> and <c>ods</c>. Registered as its own scheme and made the default only in tests
/// (<see cref="Use"/>), whatever the gateway itself registers.
/// </summary>
public sealed class TestAuth(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string UserHeader = "X-Test-User";
    public const string RoleHeader = "X-Test-Role";
    public const string OdsHeader = "X-Test-Ods";

    /// <summary>Pass as GatewayHost's configure callback.</summary>
    public static void Use(WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuth>(SchemeName, _ => { });
        builder.Services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = SchemeName;
            o.DefaultAuthenticateScheme = SchemeName;
            o.DefaultChallengeScheme = SchemeName;
            o.DefaultForbidScheme = SchemeName;
        });
    }

    /// <summary>Headers for a user of <paramref name="role"/> at <paramref name="ods"/>.</summary>
    public static void Authenticate(HttpClient client, string user, string role, string ods = "A12345")
    {
        client.DefaultRequestHeaders.Remove(UserHeader);
        client.DefaultRequestHeaders.Remove(RoleHeader);
        client.DefaultRequestHeaders.Remove(OdsHeader);
        client.DefaultRequestHeaders.Add(UserHeader, user);
        client.DefaultRequestHeaders.Add(RoleHeader, role);
        client.DefaultRequestHeaders.Add(OdsHeader, ods);
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers[UserHeader].ToString();
        if (user.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new("sub", user) };
        foreach (var role in Request.Headers[RoleHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            claims.Add(new Claim("role", role));
        }

        if (Request.Headers[OdsHeader].ToString() is { Length: > 0 } ods)
        {
            claims.Add(new Claim("ods", ods));
        }

        var identity = new ClaimsIdentity(claims, SchemeName, "sub", "role");
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
