using System.Net.Http.Headers;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Ports;
using Yarp.ReverseProxy.Forwarder;

namespace NcrsGateway.Adapters.Documents;

/// <summary>
/// Shapes one document download. Outbound: the URL is the resolved <see cref="DocumentTarget"/> (never the
/// incoming path), no caller header passes except <see cref="ForwardedCallerHeaders"/>, and the gateway adds its
/// own tracing, organisation, SSP headers and the bearer token of the keyed <c>document-repository</c>
/// <see cref="IUpstreamTokenProvider"/>. Inbound: only a 2xx body is streamed, with only the repository headers
/// <see cref="DocumentResponseHeaders"/> allows and the gateway's own. Any other answer becomes
/// <see cref="Refusal"/>, for the endpoint to turn into an OperationOutcome.
/// </summary>
internal sealed class DocumentTransformer(
    DocumentTarget target, RequestContext context, DocumentsOptions options, IUpstreamTokenProvider tokens, TimeProvider time, string pointerId) : HttpTransformer
{
    /// <summary>The only caller headers passed to a repository (partial downloads of large documents).</summary>
    public static readonly IReadOnlyList<string> ForwardedCallerHeaders = ["Range", "If-Range"];

    /// <summary>Why the repository's answer was not passed on; null when it was.</summary>
    public GatewayException? Refusal { get; private set; }

    /// <summary>The repository's HTTP status, when it answered.</summary>
    public int? UpstreamStatus { get; private set; }

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
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
        if (await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
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
    }

    public override ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (proxyResponse is null)
        {
            return ValueTask.FromResult(false); // the forwarder failed; it reports the error to the endpoint
        }

        var status = (int)proxyResponse.StatusCode;
        UpstreamStatus = status;
        if (status is < 200 or > 299)
        {
            Refusal = Refuse(proxyResponse);
            return ValueTask.FromResult(false); // nothing of the repository's answer (body, headers, redirect) reaches the caller
        }

        // No base call: it would copy every repository header. Only the allow-list passes.
        DocumentResponseHeaders.Apply(httpContext.Response, proxyResponse, target, pointerId);
        return ValueTask.FromResult(true);
    }

    /// <summary>The repository's own arms (a redirect is never followed; 404/410 is "document unavailable"), then the common ones.</summary>
    private GatewayException Refuse(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var failure = new UpstreamFailure(response.StatusCode, null, null, UpstreamErrors.RetryAfter(response, time));
        return UpstreamErrors.Map(failure, _ => status switch
        {
            >= 300 and < 400 => new(GatewayErrors.UpstreamError, "The record's owner answered with a redirect, which the gateway does not follow."),
            404 or 410 => new(GatewayErrors.DocumentUnavailable),
            _ => null,
        });
    }
}
