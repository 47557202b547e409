using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Ports;
using Yarp.ReverseProxy.Forwarder;

namespace NcrsGateway.Proxy;

/// <summary>
/// Streams a document from its repository to the caller through YARP's <see cref="IHttpForwarder"/>. It owns
/// its own <see cref="HttpMessageInvoker"/> (no redirects, no cookies, no decompression, a connect timeout) and
/// an activity timeout, because the standard resilience handler of the adapters does not apply to the forwarder.
/// Nothing is buffered: the body goes from socket to socket.
/// </summary>
internal sealed partial class DocumentForwarder : IDisposable
{
    private readonly IHttpForwarder _forwarder;
    private readonly IOptionsMonitor<DocumentProxyOptions> _options;
    private readonly ILogger<DocumentForwarder> _logger;
    private readonly HttpMessageInvoker _invoker;

    public DocumentForwarder(IHttpForwarder forwarder, IOptionsMonitor<DocumentProxyOptions> options, ILogger<DocumentForwarder> logger)
    {
        _forwarder = forwarder;
        _options = options;
        _logger = logger;
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = options.CurrentValue.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            EnableMultipleHttp2Connections = true,
        });
    }

    /// <summary>Streams the document, or throws a <see cref="GatewayException"/> while nothing has been sent yet.</summary>
    public async Task ForwardAsync(HttpContext http, DocumentTarget target, RequestContext context, string fileName)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(target);
        var options = _options.CurrentValue;
        var transformer = new DocumentTransformer(target, context, options, fileName);
        var config = new ForwarderRequestConfig { ActivityTimeout = options.ActivityTimeout, AllowResponseBuffering = false };
        var started = Stopwatch.GetTimestamp();

        var error = await _forwarder.SendAsync(http, target.Url.GetLeftPart(UriPartial.Authority), _invoker, config, transformer).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        if (transformer.Refusal is { } refusal)
        {
            LogRefused(_logger, transformer.UpstreamStatus ?? 0, refusal.Error.Code, target.ViaSpineSecureProxy, elapsed);
            throw refusal;
        }

        if (error == ForwarderError.None)
        {
            LogStreamed(_logger, transformer.UpstreamStatus ?? 0, target.ViaSpineSecureProxy, elapsed);
            return;
        }

        LogForwarderFailed(_logger, error, target.ViaSpineSecureProxy, elapsed);
        if (http.RequestAborted.IsCancellationRequested)
        {
            throw new OperationCanceledException(http.RequestAborted);
        }

        if (http.Response.HasStarted)
        {
            http.Abort(); // part of the document went out: cut the connection so the caller cannot mistake it for complete
            return;
        }

        throw error == ForwarderError.RequestTimedOut
            ? new GatewayException(GatewayErrors.UpstreamTimeout, "The record's owner took too long to send the document.")
            : new GatewayException(GatewayErrors.UpstreamUnavailable, "The record's owner could not be reached.");
    }

    public void Dispose() => _invoker.Dispose();
}
