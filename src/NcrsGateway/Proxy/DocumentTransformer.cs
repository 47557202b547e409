using System.Globalization;
using System.Net.Http.Headers;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Ports;
using Yarp.ReverseProxy.Forwarder;

namespace NcrsGateway.Proxy;

/// <summary>
/// Shapes one document download. Outbound: the URL is the resolved <see cref="DocumentTarget"/> (never the
/// incoming path), no caller header passes except <see cref="ForwardedCallerHeaders"/>, and the gateway adds its
/// own tracing, organisation, credential and SSP headers. Inbound: only a 2xx body is streamed, cookies and
/// redirects are dropped, and the caller is told never to store it. Any other answer becomes
/// <see cref="Refusal"/>, for the endpoint to turn into an OperationOutcome.
/// </summary>
internal sealed class DocumentTransformer(DocumentTarget target, RequestContext context, DocumentProxyOptions options, string fileName) : HttpTransformer
{
    /// <summary>The only caller headers passed to a repository (partial downloads of large documents).</summary>
    public static readonly IReadOnlyList<string> ForwardedCallerHeaders = ["Range", "If-Range"];

    private static readonly string[] DroppedResponseHeaders =
        ["Set-Cookie", "Location", "Content-Location", "Refresh", "Server", "X-Powered-By", "Alt-Svc", "Strict-Transport-Security", KnownHeaders.RequestId];

    /// <summary>Why the repository's answer was not passed on; null when it was.</summary>
    public GatewayException? Refusal { get; private set; }

    /// <summary>The repository's HTTP status, when it answered.</summary>
    public int? UpstreamStatus { get; private set; }

    public override ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(proxyRequest);

        // The base transform copies every caller header; none may pass except the allow-list.
        proxyRequest.Method = HttpMethod.Get;
        proxyRequest.RequestUri = target.Url;
        foreach (var name in ForwardedCallerHeaders)
        {
            if (httpContext.Request.Headers.TryGetValue(name, out var values))
            {
                proxyRequest.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        var headers = proxyRequest.Headers;
        headers.Accept.ParseAdd(target.ContentType);
        headers.Accept.ParseAdd("*/*;q=0.1");
        headers.Add(KnownHeaders.CorrelationId, context.CorrelationId);
        headers.Add(KnownHeaders.RequestId, Guid.NewGuid().ToString());
        headers.Add(KnownHeaders.EndUserOrganisationOds, context.EndUserOrganisationOds ?? options.EndUserOrganisationOds);
        if (options.RepositoryAccessToken is { Length: > 0 } token)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (target.ViaSpineSecureProxy)
        {
            headers.Add(KnownHeaders.SspTraceId, Guid.NewGuid().ToString());
            headers.Add(KnownHeaders.SspFrom, options.SspFromAsid);
            headers.Add(KnownHeaders.SspTo, target.SpineAsid);
            headers.Add(KnownHeaders.SspInteractionId, options.SspInteractionId);
        }

        return ValueTask.CompletedTask;
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (proxyResponse is null)
        {
            return false; // the forwarder failed; it reports the error to the endpoint
        }

        var status = (int)proxyResponse.StatusCode;
        UpstreamStatus = status;
        if (status is < 200 or > 299)
        {
            Refusal = Refuse(status);
            return false; // nothing of the repository's answer (body, headers, redirect) reaches the caller
        }

        await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        var response = httpContext.Response.Headers;
        foreach (var name in DroppedResponseHeaders)
        {
            response.Remove(name);
        }

        response.CacheControl = "no-store, private";
        response.Pragma = "no-cache";
        response.Expires = "0";
        response.XContentTypeOptions = "nosniff";
        if (string.IsNullOrEmpty(response.ContentType))
        {
            response.ContentType = target.ContentType;
        }

        if (string.IsNullOrEmpty(response.ContentDisposition))
        {
            response.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"{fileName}\"");
        }

        return true;
    }

    private static GatewayException Refuse(int status) => status switch
    {
        >= 300 and < 400 => new(GatewayErrors.UpstreamError, "The record's owner answered with a redirect, which the gateway does not follow."),
        404 or 410 => new(GatewayErrors.DocumentUnavailable),
        401 or 403 => new(GatewayErrors.UpstreamAccessDenied),
        408 or 504 => new(GatewayErrors.UpstreamTimeout),
        429 or 503 => new(GatewayErrors.UpstreamUnavailable),
        _ => new(GatewayErrors.UpstreamError),
    };
}
