using System.Net.Http.Headers;
using NcrsGateway.Core;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Http;

/// <summary>The request headers every NHS API adapter sends.</summary>
public static class UpstreamRequests
{
    /// <summary>
    /// Sets Accept (FHIR JSON), a new <c>X-Request-ID</c>, <c>X-Correlation-ID</c>, <c>NHSD-End-User-Organisation-ODS</c>
    /// and, when the token provider has one, a bearer token. Call once per logical request, before the resilience
    /// pipeline, so every retry re-sends the same request ID.
    /// </summary>
    /// <param name="request">The outbound request.</param>
    /// <param name="context">The caller's request context.</param>
    /// <param name="defaultOds">ODS code used when the caller's organisation is not known.</param>
    /// <param name="tokens">The adapter's keyed token provider.</param>
    /// <param name="cancellationToken">Cancels the token fetch.</param>
    /// <returns>The request ID that was set.</returns>
    public static async Task<string> AddHeadersAsync(
        HttpRequestMessage request, RequestContext context, string defaultOds, IUpstreamTokenProvider tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tokens);
        var requestId = Guid.NewGuid().ToString();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson.MediaType));
        request.Headers.Add(KnownHeaders.RequestId, requestId);
        request.Headers.Add(KnownHeaders.CorrelationId, context.CorrelationId);
        request.Headers.Add(KnownHeaders.EndUserOrganisationOds, context.EndUserOrganisationOds ?? defaultOds);
        if (await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return requestId;
    }
}
