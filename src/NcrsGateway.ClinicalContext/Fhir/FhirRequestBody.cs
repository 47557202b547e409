using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Fhir;

namespace NcrsGateway.ClinicalContext.Fhir;

/// <summary>
/// Reads a FHIR JSON request body strictly: anything that is not one well-formed resource (a JSON object) is a
/// 400. The server's body limit (<c>Gateway:MaxRequestBodyBytes</c>) bounds what is read, whatever the
/// Content-Length says; a longer body stops being read at the limit and is answered 413 request-too-large.
/// </summary>
internal static class FhirRequestBody
{
    public static async Task<Resource> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not (FhirJson.MediaType or "application/json"))
        {
            throw new GatewayException(GatewayErrors.UnsupportedMediaType, $"Send the body as {FhirJson.MediaType}.");
        }

        var body = await ReadBytesAsync(request, cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            throw new GatewayException(GatewayErrors.InvalidRequest, "The body is empty.");
        }

        try
        {
            if (!IsObject(body))
            {
                throw new GatewayException(GatewayErrors.InvalidRequest, "The body must be one FHIR resource (a JSON object), not an array or a bare value.");
            }

            return JsonSerializer.Deserialize<Resource>(body.Span, FhirJson.Options)
                ?? throw new GatewayException(GatewayErrors.InvalidRequest, "The body is empty.");
        }
        catch (Exception e) when (e is DeserializationFailedException or JsonException or NotSupportedException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new GatewayException(GatewayErrors.InvalidRequest, "The body is not a valid FHIR R4 resource.");
        }
    }

    public static async Task<Parameters> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await ReadAsync(request, cancellationToken).ConfigureAwait(false) as Parameters
            ?? throw new GatewayException(GatewayErrors.InvalidRequest, "The body must be a FHIR Parameters resource.");

    /// <summary>The whole body; the server throws (413) as soon as more than its limit has arrived.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
        catch (BadHttpRequestException e)
        {
            throw NcrsGateway.Fhir.RequestBodyErrors.ToGatewayException(e);
        }
    }

    private static bool IsObject(ReadOnlyMemory<byte> body)
    {
        var reader = new Utf8JsonReader(body.Span);
        return reader.Read() && reader.TokenType == JsonTokenType.StartObject;
    }
}
