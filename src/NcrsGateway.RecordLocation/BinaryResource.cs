using Microsoft.Net.Http.Headers;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir;

namespace NcrsGateway.RecordLocation;

/// <summary>
/// <c>GET /fhir/Binary/{id}</c> asked for as FHIR (<c>Accept: application/fhir+json</c>, or <c>_format=json</c>): the
/// document is fetched into memory up to <see cref="RecordLocationOptions.MaxBinaryResourceBytes"/> and answered as a FHIR
/// <c>Binary</c> (contentType + base64 data), never stored; a larger document is refused 406 with the next step.
/// Without such a request the raw document streams as before.
/// </summary>
internal static class BinaryResource
{
    private static readonly string[] FormatValues = ["json", "application/json", "application/fhir+json", "fhir+json"];

    /// <summary>Whether the caller asked for the FHIR resource rather than the document's own bytes.</summary>
    public static bool IsAskedFor(HttpRequest request)
    {
        if (request.Query.TryGetValue("_format", out var format))
        {
            return format.Any(f => FormatValues.Contains(f?.Trim(), StringComparer.OrdinalIgnoreCase));
        }

        return MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
            && accepted.Any(a => a.MediaType.Equals("application/fhir+json", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
    }

    public static async Task WriteAsync(HttpContext http, IDocumentRetrieval retrieval, DocumentContent content, string pointerId, RequestContext context, int limit, CancellationToken cancellationToken)
    {
        if (limit == 0)
        {
            throw TooLarge(limit);
        }

        var response = http.Response;
        var original = response.Body;
        using var capped = new CappedBodyStream(limit);
        response.Body = capped;
        try
        {
            await retrieval.StreamAsync(content, pointerId, context, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayException) when (capped.Overflowed)
        {
            throw TooLarge(limit);
        }
        finally
        {
            response.Body = original;
        }

        if (capped.Overflowed)
        {
            throw TooLarge(limit);
        }

        var headers = response.Headers;
        if (headers.ContentEncoding.Any(e => !string.Equals(e, "identity", StringComparison.OrdinalIgnoreCase)))
        {
            throw new GatewayException(GatewayErrors.DocumentTooLargeForFhir, "The record's owner sent this document compressed, so it cannot be put in a FHIR Binary resource.");
        }

        var binary = new Hl7.Fhir.Model.Binary
        {
            Id = pointerId,
            ContentType = headers.ContentType.FirstOrDefault()?.Split(';')[0].Trim() is { Length: > 0 } type ? type : "application/octet-stream",
            Data = capped.Content.ToArray(),
        };
        var lastModified = DateTimeOffset.TryParse(headers.LastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        foreach (var name in new[] { HeaderNames.ContentDisposition, HeaderNames.ContentSecurityPolicy, HeaderNames.ContentLength, HeaderNames.ContentType, HeaderNames.ContentRange, HeaderNames.AcceptRanges, HeaderNames.ContentLanguage, HeaderNames.ETag, HeaderNames.LastModified, HeaderNames.ContentEncoding })
        {
            headers.Remove(name);
        }

        await new FhirResult(FhirResult.From(binary).Body) { LastModified = lastModified }.ExecuteAsync(http).ConfigureAwait(false);
    }

    private static GatewayException TooLarge(int limit) => new(
        GatewayErrors.DocumentTooLargeForFhir,
        limit == 0
            ? "This gateway does not return documents as FHIR Binary resources."
            : $"This document is larger than the {limit / 1024} KiB this gateway returns inside a FHIR Binary resource.");
}
