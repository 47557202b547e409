using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Http;

/// <summary>
/// What the gateway accepts on the wire and says about itself: no <c>Server</c> header, a request-body limit
/// enforced by Kestrel on the bytes actually read (chunked bodies included; <c>Gateway:MaxRequestBodyBytes</c>),
/// and the security headers of <see cref="ResponseSecurityHeaders"/>.
/// </summary>
internal static class InboundHttpExtensions
{
    public static WebApplicationBuilder AddInboundHttp(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<GatewayOptions>, RequestBodyLimitRules>();
        // Kestrel is created while the app is built, before start-up validation reports every configuration error at
        // once: read the limit without validating here (RequestBodyLimitRules still validates it on start).
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = (configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions()).MaxRequestBodyBytes;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so its headers reach every response.</summary>
    public static IApplicationBuilder UseResponseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<ResponseSecurityHeaders>();
}
