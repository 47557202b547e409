using NcrsGateway.Core.Fhir;

namespace NcrsGateway.Fhir;

/// <summary>
/// Writes already-serialized FHIR JSON. Serialization happens once, before this result, so a cached
/// response is served from its stored bytes without touching the FHIR model.
/// </summary>
public sealed class FhirResult(ReadOnlyMemory<byte> body, int statusCode = StatusCodes.Status200OK) : IResult
{
    public ReadOnlyMemory<byte> Body => body;

    public int StatusCode => statusCode;

    /// <summary>Where the data came from and when (for the metadata cache); null for errors and built bundles.</summary>
    public Core.Model.Provenance? Provenance { get; init; }

    public const string ContentType = FhirJson.MediaType + "; charset=utf-8";

    public string? ETag { get; init; }

    public string? ContentLocation { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// Set only by code that serialized a resource of this type it built itself from the gateway's own model, with no
    /// inline attachment data: the metadata cache then admits the bytes under that type without reading them again.
    /// </summary>
    public string? MetadataResourceType { get; init; }

    /// <summary><c>Last-Modified</c>: the upstream version's time, else when the data was retrieved (<see cref="Provenance"/>).</summary>
    public DateTimeOffset? LastModified { get; init; }

    private DateTimeOffset? Modified => LastModified ?? Provenance?.RetrievedAt;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }

        if (statusCode == StatusCodes.Status200OK && Modified is { } modified)
        {
            response.Headers.LastModified = ConditionalRequests.Format(modified);
        }

        if (statusCode == StatusCodes.Status200OK && ConditionalRequests.IsNotModified(httpContext.Request, ETag, Modified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            if (ContentLocation is not null)
            {
                response.Headers.ContentLocation = ContentLocation;
            }

            return;
        }

        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;

        if (ContentLocation is not null)
        {
            response.Headers.ContentLocation = ContentLocation;
        }

        if (RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    public static FhirResult From(Hl7.Fhir.Model.Resource resource, int statusCode = StatusCodes.Status200OK) =>
        new(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(resource, FhirJson.Options), statusCode);
}
