using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Fhir;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>
/// Turns an NRL error response into the gateway taxonomy. Upstream diagnostics are never passed to the
/// caller. A 404 on search (unknown patient) is not an error and is handled by the client before this.
/// </summary>
internal static class NrlErrorMapper
{
    public static GatewayException Map(HttpResponseMessage response, NrlOperation operation, TimeProvider time)
    {
        var retryAfter = RetryAfter(response, time);
        return (response.StatusCode, operation) switch
        {
            (HttpStatusCode.BadRequest, NrlOperation.Search) => new(GatewayErrors.InvalidSearch, "The record locator did not accept the search: check the record type and category codes."),
            (HttpStatusCode.BadRequest, NrlOperation.Read) => new(GatewayErrors.InvalidRequest),
            (HttpStatusCode.NotFound, NrlOperation.Read) => new(GatewayErrors.PointerNotFound),
            (HttpStatusCode.Forbidden, _) => new(GatewayErrors.PointerTypeNotPermitted),
            (HttpStatusCode.Unauthorized, _) => new(GatewayErrors.UpstreamAccessDenied),
            (HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout, _) => new(GatewayErrors.UpstreamTimeout),
            (HttpStatusCode.TooManyRequests, _) => new(GatewayErrors.UpstreamRateLimited, retryAfter: retryAfter ?? TimeSpan.FromSeconds(1)),
            (HttpStatusCode.ServiceUnavailable, _) => new(GatewayErrors.UpstreamUnavailable, retryAfter: retryAfter),
            _ => new(GatewayErrors.UpstreamError),
        };
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is not { } date)
        {
            return null;
        }

        var wait = date - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>The Spine error code (e.g. NO_RECORD_FOUND) from an OperationOutcome body, for logs only.</summary>
    internal static async Task<string?> ReadSpineCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var read = await UpstreamFhirReader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        return (read.Resource as OperationOutcome)?.Issue
            .SelectMany(i => i.Details?.Coding ?? [])
            .Select(c => c.Code)
            .FirstOrDefault(c => c is not null);
    }
}
