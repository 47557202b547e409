using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NcrsGateway.Security.Tokens;

namespace NcrsGateway.Tests.Security.Tokens;

/// <summary>
/// The validated-token cache: a token seen before is accepted without being validated again, but never past its
/// <c>exp</c> and never once the key that signed it is no longer accepted. The handler's clock is the test's clock.
/// </summary>
public sealed class CachingTokenHandlerTests
{
    private const string Issuer = "https://issuer.test";
    private const string Audience = "ncrs-gateway-test";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(32));
    private readonly CountingHandler _inner = new();

    [Fact]
    public async Task ValidateToken_SameTokenAgain_IsAcceptedWithoutValidatingItAgain()
    {
        var handler = Handler();
        var token = Mint(_key, expires: _time.GetUtcNow().AddMinutes(10));

        var first = await handler.ValidateTokenAsync(token, Parameters(_key));
        var second = await handler.ValidateTokenAsync(token, Parameters(_key));

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal("clinician-1", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal(1, _inner.Validations);
    }

    [Fact]
    public async Task ValidateToken_CachedTokenPastItsExpiry_IsRefused()
    {
        var handler = Handler();
        var token = Mint(_key, expires: _time.GetUtcNow().AddMinutes(10));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        _time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var later = await handler.ValidateTokenAsync(token, Parameters(_key));

        Assert.False(later.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(later.Exception);
    }

    [Fact]
    public async Task ValidateToken_CachedTokenAfterTheSigningKeyChanged_IsRefused()
    {
        var handler = Handler();
        var token = Mint(_key, expires: _time.GetUtcNow().AddMinutes(10));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        var rotated = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        var afterRotation = await handler.ValidateTokenAsync(token, Parameters(rotated));

        Assert.False(afterRotation.IsValid);
        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task ValidateToken_EachRequest_GetsItsOwnIdentity()
    {
        var handler = Handler();
        var token = Mint(_key, expires: _time.GetUtcNow().AddMinutes(10));
        await handler.ValidateTokenAsync(token, Parameters(_key));

        var first = await handler.ValidateTokenAsync(token, Parameters(_key));
        first.ClaimsIdentity.AddClaim(new Claim("role", "added-by-one-request"));
        var second = await handler.ValidateTokenAsync(token, Parameters(_key));

        Assert.Null(second.ClaimsIdentity.FindFirst(c => c.Value == "added-by-one-request"));
    }

    [Fact]
    public async Task ValidateToken_CacheFull_StillValidatesNewTokens()
    {
        var handler = new CachingTokenHandler(_inner, new ValidatedTokenCache(_time, capacity: 1));
        var one = Mint(_key, expires: _time.GetUtcNow().AddMinutes(10));
        var two = Mint(_key, expires: _time.GetUtcNow().AddMinutes(10));

        Assert.True((await handler.ValidateTokenAsync(one, Parameters(_key))).IsValid);
        Assert.True((await handler.ValidateTokenAsync(two, Parameters(_key))).IsValid);
        Assert.True((await handler.ValidateTokenAsync(two, Parameters(_key))).IsValid);

        Assert.Equal(3, _inner.Validations); // the second token was not kept: the cache holds one
    }

    private CachingTokenHandler Handler() => new(_inner, new ValidatedTokenCache(_time));

    /// <summary>Validation as the gateway configures it, with the token lifetime checked against the test's clock.</summary>
    private TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.Zero,
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = _time.GetUtcNow().UtcDateTime;
            if (expires is { } exp && now >= exp)
            {
                throw new SecurityTokenExpiredException("expired") { Expires = exp };
            }

            return notBefore is not { } nbf || now >= nbf;
        },
    };

    private string Mint(SecurityKey key, DateTimeOffset expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        IssuedAt = _time.GetUtcNow().UtcDateTime.AddMinutes(-1),
        NotBefore = _time.GetUtcNow().UtcDateTime.AddMinutes(-1),
        Expires = expires.UtcDateTime,
        Claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = "clinician-1", ["jti"] = Guid.NewGuid().ToString("N") },
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });

    /// <summary>The gateway's JSON web token handler, counting full validations.</summary>
    private sealed class CountingHandler : JsonWebTokenHandler
    {
        public CountingHandler() => MapInboundClaims = false;

        public int Validations { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Validations++;
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }
}
