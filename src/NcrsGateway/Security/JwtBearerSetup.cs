using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NcrsGateway.Security.Tokens;
using NcrsGateway.Hosting;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Security;

/// <summary>
/// Turns <see cref="GatewayAuthenticationOptions"/> into bearer-handler settings. In a development host only its demo
/// issuer and per-process key are accepted; in the production host only the configured authority or key, never the demo issuer.
/// </summary>
internal static partial class JwtBearerSetup
{
    /// <summary>The bearer handler checks <c>exp</c> and <c>nbf</c> against the system clock; <c>iat</c> is checked against the same one.</summary>
    internal static readonly TimeProvider HandlerClock = TimeProvider.System;

    public static void Apply(JwtBearerOptions jwt, GatewayAuthenticationOptions options, DevelopmentHost? development, ILogger logger, ValidatedTokenCache tokens)
    {
        jwt.MapInboundClaims = false;
        jwt.SaveToken = false;
        jwt.TokenHandlers.Clear(); // one handler: a token seen before skips parsing and signature checks until its exp
        jwt.TokenHandlers.Add(new CachingTokenHandler(new JsonWebTokenHandler { MapInboundClaims = false }, tokens));
        jwt.IncludeErrorDetails = true; // WWW-Authenticate says "expired" / "invalid signature"; never the token
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = options.ClockSkew,
            NameClaimType = GatewayClaims.UserId,
            RoleClaimType = GatewayClaims.Role,
            ValidAudience = options.Audience ?? DevelopmentHost.DefaultAudience,
        };

        if (development is not null)
        {
            jwt.TokenValidationParameters.ValidIssuer = DevelopmentHost.TokenIssuer;
            jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(development.TokenSigningKey.ToArray());
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        else if (options.Authority is { } authority)
        {
            jwt.Authority = authority.ToString();
            jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            if (options.Issuer is { } issuer)
            {
                jwt.TokenValidationParameters.ValidIssuer = issuer;
            }
        }
        else
        {
            jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
            jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(options.SigningKey!));
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }

        jwt.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = context =>
            {
                LogRejected(logger, context.Exception.GetType().Name);
                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                if (development is null && context.SecurityToken?.Issuer == DevelopmentHost.TokenIssuer)
                {
                    LogRejected(logger, "SandboxIssuerOutsideSandbox");
                    context.Fail("Tokens of the sandbox issuer are never accepted outside the sandbox.");
                }
                else if (TokenClaimRules.Refusal(context.Principal, context.SecurityToken, options.MaxTokenLifetime, HandlerClock.GetUtcNow(), options.ClockSkew) is { } reason)
                {
                    LogRejected(logger, reason);
                    context.Fail(reason);
                }

                return Task.CompletedTask;
            },
        };
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Bearer token refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
