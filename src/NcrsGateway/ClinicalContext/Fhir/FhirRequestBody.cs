using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Fhir;

namespace NcrsGateway.ClinicalContext.Fhir;

/// <summary>Reads a FHIR JSON request body strictly: anything that is not a well-formed resource is a 400.</summary>
internal static class FhirRequestBody
{
    public const long MaxBytes = 64 * 1024;

    public static async Task<Resource> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not (FhirJson.MediaType or "application/json"))
        {
            throw new GatewayException(GatewayErrors.InvalidRequest, $"Send the body as {FhirJson.MediaType}.");
        }

        if (request.ContentLength > MaxBytes)
        {
            throw new GatewayException(GatewayErrors.InvalidRequest, "The body is too large.");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<Resource>(request.Body, FhirJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new GatewayException(GatewayErrors.InvalidRequest, "The body is empty.");
        }
        catch (Exception e) when (e is DeserializationFailedException or JsonException or NotSupportedException)
        {
            throw new GatewayException(GatewayErrors.InvalidRequest, "The body is not a valid FHIR R4 resource.");
        }
    }

    public static async Task<Parameters> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await ReadAsync(request, cancellationToken).ConfigureAwait(false) as Parameters
            ?? throw new GatewayException(GatewayErrors.InvalidRequest, "The body must be a FHIR Parameters resource.");
}
