using System.Net;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;
using NcrsGateway.Core.Redaction;
using Yarp.ReverseProxy.Forwarder;

namespace NcrsGateway.Adapters.Documents;

/// <summary>
/// Streams a document from its repository to the caller through YARP's <see cref="IHttpForwarder"/>. It owns
/// its own <see cref="HttpMessageInvoker"/> (no redirects, no cookies, no decompression, a connect timeout) and
/// an idle-read timeout (<see cref="DocumentsOptions.IdleReadTimeout"/>), because the standard resilience
/// handler of the adapters does not apply to the forwarder. Nothing is buffered: the body goes from socket to
/// socket. Logs name the repository host and the pointer id, never the document URL.
/// </summary>
internal sealed partial class DocumentForwarder : IDisposable
{
    private readonly IHttpForwarder _forwarder;
    private readonly IOptionsMonitor<DocumentsOptions> _options;
    private readonly ILogger<DocumentForwarder> _logger;
    private readonly HttpMessageInvoker _invoker;
    private readonly IUpstreamTokenProvider _tokens;
    private readonly TimeProvider _time;

    public DocumentForwarder(
        IHttpForwarder forwarder,
        IOptionsMonitor<DocumentsOptions> options,
        [FromKeyedServices(SourceServices.DocumentRepository)] IUpstreamTokenProvider tokens,
        TimeProvider time,
        ILogger<DocumentForwarder> logger)
    {
        _forwarder = forwarder;
        _tokens = tokens;
        _time = time;
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
    public async Task ForwardAsync(HttpContext http, DocumentTarget target, RequestContext context, string pointerId)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(target);
        var options = _options.CurrentValue;
        var transformer = new DocumentTransformer(target, context, options, _tokens, _time, pointerId);
        var config = new ForwarderRequestConfig { ActivityTimeout = options.IdleReadTimeout, AllowResponseBuffering = false };
        var host = Redactor.Redact(target.RepositoryHost);
        var pointer = Redactor.Redact(pointerId);
        var started = _time.GetTimestamp();

        var error = await _forwarder.SendAsync(http, target.Url.GetLeftPart(UriPartial.Authority), _invoker, config, transformer).ConfigureAwait(false);
        var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;

        if (transformer.Refusal is { } refusal)
        {
            LogRefused(_logger, pointer, host, transformer.UpstreamStatus ?? 0, refusal.Error.Code, target.ViaSpineSecureProxy, elapsed);
            throw refusal;
        }

        if (error == ForwarderError.None)
        {
            LogStreamed(_logger, pointer, host, transformer.UpstreamStatus ?? 0, target.ViaSpineSecureProxy, elapsed);
            return;
        }

        // The exception's type only: its message can carry the URL.
        var exception = http.Features.Get<IForwarderErrorFeature>()?.Exception;
        var cause = exception?.GetType().Name ?? "none";
        LogForwarderFailed(_logger, pointer, host, error, cause, http.Response.HasStarted, target.ViaSpineSecureProxy, elapsed);
        if (http.RequestAborted.IsCancellationRequested)
        {
            throw new OperationCanceledException(http.RequestAborted);
        }

        if (http.Response.HasStarted)
        {
            http.Abort(); // part of the document went out: cut the connection so the caller cannot mistake it for complete
            return;
        }

        // Idle beyond IdleReadTimeout waiting for the headers (RequestTimedOut) or for the first body bytes (the
        // activity timeout cancelled the body read; the caller is still here, checked above).
        var timedOut = error == ForwarderError.RequestTimedOut
            || (error is ForwarderError.ResponseBodyDestination or ForwarderError.ResponseBodyCanceled && exception is OperationCanceledException);
        throw timedOut
            ? new GatewayException(GatewayErrors.UpstreamTimeout, "The record's owner took too long to send the document.")
            : new GatewayException(GatewayErrors.UpstreamUnavailable, "The record's owner could not be reached.");
    }

    public void Dispose() => _invoker.Dispose();
}
