using Microsoft.AspNetCore.Authentication.JwtBearer;
using NcrsGateway.Core.Errors;
using NcrsGateway.Fhir;

namespace NcrsGateway.Security.Cis2;

/// <summary>
/// Hooks <see cref="Cis2ClaimsMapper"/> into the bearer handler's events, after (never instead of) the gateway's own
/// token checks: a mapped caller replaces the token's principal; a refused one fails authentication, and its
/// challenge answers with the refusal's OperationOutcome (403 role problems, 401 token refused, 503 CIS2 unreachable).
/// </summary>
internal static class Cis2BearerEvents
{
    private static readonly object RefusalKey = new();

    public static void Attach(JwtBearerOptions jwt)
    {
        var events = jwt.Events ??= new JwtBearerEvents();
        var validated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (context.Result is not null)
            {
                return; // already refused by the gateway's own token rules
            }

            var mapper = context.HttpContext.RequestServices.GetRequiredService<Cis2ClaimsMapper>();
            var (principal, refusal) = await mapper.MapAsync(context);
            if (refusal is not null)
            {
                context.HttpContext.Items[RefusalKey] = refusal;
                context.Fail(refusal.Code);
                return;
            }

            context.Principal = principal;
        };

        var challenge = events.OnChallenge;
        events.OnChallenge = async context =>
        {
            if (context.HttpContext.Items[RefusalKey] is not GatewayError refusal)
            {
                await challenge(context);
                return;
            }

            context.HandleResponse();
            if (refusal.HttpStatus == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            }

            await OperationOutcomes.WriteAsync(context.HttpContext, new GatewayException(refusal));
        };
    }
}
