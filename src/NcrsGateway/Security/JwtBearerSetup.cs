using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace NcrsGateway.Security;

/// <summary>Turns <see cref="GatewayAuthenticationOptions"/> (and the sandbox key) into bearer-handler settings.</summary>
internal static partial class JwtBearerSetup
{
    public static void Apply(JwtBearerOptions jwt, GatewayAuthenticationOptions options, SandboxSigningKey? sandboxKey, ILogger logger)
    {
        jwt.MapInboundClaims = false;
        jwt.SaveToken = false;
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
            ValidAudience = options.Audience ?? SandboxSigningKey.DefaultAudience,
        };

        if (options.Authority is { } authority)
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
            jwt.TokenValidationParameters.ValidIssuer = options.Issuer ?? SandboxSigningKey.DefaultIssuer;
            jwt.TokenValidationParameters.IssuerSigningKey = SymmetricKey(options, sandboxKey);
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
                if (TokenClaimRules.Refusal(context.Principal, context.SecurityToken, options.MaxTokenLifetime) is { } reason)
                {
                    LogRejected(logger, reason);
                    context.Fail(reason);
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>The HMAC key tokens are checked against: the configured one, else the sandbox's.</summary>
    public static SymmetricSecurityKey SymmetricKey(GatewayAuthenticationOptions options, SandboxSigningKey? sandboxKey)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return new SymmetricSecurityKey(Convert.FromBase64String(options.SigningKey));
        }

        return sandboxKey is not null
            ? new SymmetricSecurityKey(sandboxKey.Key.ToArray())
            : throw new InvalidOperationException("No signing key: set Authentication:SigningKey or Authentication:Authority.");
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Bearer token refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
