using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Fhir;

namespace NcrsGateway.Adapters.Pds;

/// <summary>
/// Turns a PDS error response into the gateway taxonomy. Upstream diagnostics are logged by code only
/// and never passed to the caller.
/// </summary>
internal static class PdsErrorMapper
{
    public static async Task<GatewayException> MapAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var spineCode = await ReadSpineCodeAsync(response, cancellationToken).ConfigureAwait(false);
        var retryAfter = RetryAfter(response);
        return (response.StatusCode, spineCode) switch
        {
            (HttpStatusCode.BadRequest, "INVALID_RESOURCE_ID") => new(GatewayErrors.InvalidNhsNumber),
            (HttpStatusCode.BadRequest, _) => new(GatewayErrors.InvalidSearch),
            (HttpStatusCode.NotFound, "INVALIDATED_RESOURCE") => new(GatewayErrors.PatientRecordInvalidated),
            (HttpStatusCode.NotFound, _) => new(GatewayErrors.PatientNotFound),
            (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, _) => new(GatewayErrors.UpstreamAccessDenied),
            (HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout, _) => new(GatewayErrors.UpstreamTimeout),
            (HttpStatusCode.TooManyRequests, _) => new(GatewayErrors.UpstreamRateLimited, retryAfter: retryAfter ?? TimeSpan.FromSeconds(1)),
            (HttpStatusCode.ServiceUnavailable, _) => new(GatewayErrors.UpstreamUnavailable, retryAfter: retryAfter),
            _ => new(GatewayErrors.UpstreamError),
        };
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero : null;
    }

    /// <summary>The Spine error code (e.g. INVALIDATED_RESOURCE) from an OperationOutcome body, if any.</summary>
    internal static async Task<string?> ReadSpineCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var read = await UpstreamFhirReader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        return SpineCode(read.Resource as OperationOutcome);
    }

    internal static string? SpineCode(OperationOutcome? outcome) =>
        outcome?.Issue.SelectMany(i => i.Details?.Coding ?? []).Select(c => c.Code).FirstOrDefault(c => c is not null);
}
