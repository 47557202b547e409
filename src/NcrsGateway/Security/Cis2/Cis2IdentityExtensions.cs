using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Security.Cis2;

/// <summary>Registers the CIS2 claims mapping (<c>Authentication:Cis2</c>); it only takes effect when <c>Enabled</c>.</summary>
internal static class Cis2IdentityExtensions
{
    public static IServiceCollection AddCis2Identity(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayAuthenticationOptions>, Cis2OptionsRules>());
        services.AddSingleton<Cis2UserInfoCache>();
        services.AddSingleton<Cis2UserInfoClient>();
        services.AddSingleton<Cis2ClaimsMapper>();
        services.AddHttpClient(Cis2UserInfoClient.HttpClientName)
            .ConfigureHttpClient((sp, http) =>
            {
                http.Timeout = sp.GetRequiredService<IOptions<GatewayAuthenticationOptions>>().Value.Cis2.UserInfoTimeout;
                http.MaxResponseContentBufferSize = Cis2UserInfoClient.MaxAnswerBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
            .RemoveAllLoggers();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<IOptions<GatewayAuthenticationOptions>>((jwt, options) =>
            {
                if (options.Value.Cis2.Enabled)
                {
                    Cis2BearerEvents.Attach(jwt);
                }
            });
        return services;
    }
}
