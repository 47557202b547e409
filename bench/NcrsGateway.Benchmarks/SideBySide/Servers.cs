using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Yarp.ReverseProxy.Configuration;

namespace NcrsGateway.Benchmarks.SideBySide;

/// <summary>The reference servers the gateway is measured against: bare Kestrel, plain YARP and nginx in front of it.</summary>
internal static class Servers
{
    /// <summary>Bare Kestrel answering every GET with <paramref name="body"/> (the gateway's own cached Patient bytes).</summary>
    public static Task<(WebApplication App, Uri Url)> BareAsync(byte[] body, string contentType) => StartAsync(builder => { }, app =>
        app.MapGet("/{**path}", (HttpContext http) =>
        {
            http.Response.ContentType = contentType;
            http.Response.ContentLength = body.Length;
            return http.Response.Body.WriteAsync(body).AsTask();
        }));

    /// <summary>Plain YARP (one route, one destination), nothing else in the pipeline.</summary>
    public static Task<(WebApplication App, Uri Url)> YarpAsync(Uri destination) => StartAsync(
        builder => builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "bare", Match = new RouteMatch { Path = "/{**catch-all}" } }],
            [new ClusterConfig { ClusterId = "bare", Destinations = new Dictionary<string, DestinationConfig> { ["d"] = new() { Address = destination.ToString() } } }]),
        app => app.MapReverseProxy());

    /// <summary>nginx (Debian nginx-light) proxying to <paramref name="destination"/> with keep-alive upstream connections.</summary>
    public static async Task<(Process Process, Uri Url, string Prefix)> NginxAsync(Uri destination)
    {
        var prefix = Directory.CreateTempSubdirectory("ncrs-bench-nginx-").FullName;
        var port = FreePort();
        var conf = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(conf, string.Create(CultureInfo.InvariantCulture, $$"""
            worker_processes auto;
            daemon off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{prefix}}/body;
              proxy_temp_path {{prefix}}/proxy;
              fastcgi_temp_path {{prefix}}/fastcgi;
              uwsgi_temp_path {{prefix}}/uwsgi;
              scgi_temp_path {{prefix}}/scgi;
              upstream bare { server 127.0.0.1:{{destination.Port}}; keepalive 64; }
              server {
                listen 127.0.0.1:{{port}};
                location / { proxy_pass http://bare; proxy_http_version 1.1; proxy_set_header Connection ""; }
              }
            }
            """));
        var process = Process.Start(new ProcessStartInfo(Tools.Nginx, ["-p", prefix, "-c", conf])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("nginx did not start.");
        var url = new Uri($"http://127.0.0.1:{port}/");
        await WaitForAsync(url, process);
        return (process, url, prefix);
    }

    public static async Task<(WebApplication App, Uri Url)> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForAsync(Uri url, Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited at start: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var response = await http.GetAsync(url);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("nginx did not answer within 10 s.");
    }
}
