using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Hosting;

/// <summary>
/// ASP.NET's <see cref="ForwardedHeadersMiddleware"/> limited to the configured known proxies and networks (ASP.NET's
/// own default trusts loopback; ours trusts nothing). Built with the pipeline, after options validation.
/// </summary>
internal sealed class KnownProxyForwardedHeadersMiddleware
{
    private readonly RequestDelegate _next;

    public KnownProxyForwardedHeadersMiddleware(RequestDelegate next, IOptions<GatewayOptions> options, ILoggerFactory loggers)
    {
        var o = options.Value;
        if (o.KnownProxies.Length == 0 && o.KnownNetworks.Length == 0)
        {
            _next = next;
            return;
        }

        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in o.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in o.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        _next = new ForwardedHeadersMiddleware(next, loggers, Options.Create(forwarded)).Invoke;
    }

    public Task InvokeAsync(HttpContext context) => _next(context);
}
