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
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<GatewayOptions>>((kestrel, gateway) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = gateway.Value.MaxRequestBodyBytes;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so its headers reach every response.</summary>
    public static IApplicationBuilder UseResponseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<ResponseSecurityHeaders>();
}
