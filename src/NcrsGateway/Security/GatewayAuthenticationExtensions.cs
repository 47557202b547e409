using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NcrsGateway.Hosting;
using NcrsGateway.Security.Cis2;
using NcrsGateway.Security.Tokens;

namespace NcrsGateway.Security;

/// <summary>
/// JWT bearer authentication for every clinical route. Claims are kept exactly as issued
/// (<c>sub</c>, <c>role</c>, <c>ods</c>, <c>workstation</c>): no inbound claim-type mapping.
/// </summary>
internal static class GatewayAuthenticationExtensions
{
    /// <param name="development">Set only by a development host: then its demo issuer's key is the only one accepted.</param>
    public static IServiceCollection AddGatewayAuthentication(this IServiceCollection services, IConfiguration configuration, DevelopmentHost? development)
    {
        services.AddOptions<GatewayAuthenticationOptions>()
            .Bind(configuration.GetSection(GatewayAuthenticationOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayAuthenticationOptions>, GatewayAuthenticationOptionsValidator>());
        services.AddSingleton<IValidateOptions<GatewayAuthenticationOptions>>(new GatewayAuthenticationOptionsRules(development is not null));

        services.TryAddSingleton(_ => new ValidatedTokenCache(JwtBearerSetup.HandlerClock)); // the clock the bearer handler checks exp against
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<GatewayAuthenticationOptions>, ILoggerFactory, ValidatedTokenCache>((jwt, options, loggers, tokens) =>
                JwtBearerSetup.Apply(jwt, options.Value, development, loggers.CreateLogger(typeof(JwtBearerSetup)), tokens));
        services.AddCis2Identity();
        return services;
    }
}
