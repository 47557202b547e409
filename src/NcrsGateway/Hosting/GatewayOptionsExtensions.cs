using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Hosting;

/// <summary>Registers <see cref="GatewayOptions"/>, the one-key-one-purpose rule and forwarded-header handling (known proxies only).</summary>
internal static class GatewayOptionsExtensions
{
    public static IServiceCollection AddGatewayOptions(this IServiceCollection services, IConfiguration configuration, bool developmentHost)
    {
        services.AddOptions<GatewayOptions>()
            .Bind(configuration.GetSection(GatewayOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>>(new GatewayOptionsRules(developmentHost));
        services.AddOptions<ConfiguredSecrets>()
            .Configure(secrets => ConfiguredSecrets.Collect(secrets, configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConfiguredSecrets>, KeyReuseRules>());
        return services;
    }

    /// <summary>
    /// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from <c>Gateway:KnownProxies</c> / <c>Gateway:KnownNetworks</c>
    /// only; with none configured (the default) no forwarded header is honoured. <c>X-Forwarded-Host</c> never is: links
    /// come from <c>Gateway:PublicBaseUrl</c> alone.
    /// </summary>
    public static IApplicationBuilder UseKnownProxyForwardedHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<KnownProxyForwardedHeadersMiddleware>();
}
