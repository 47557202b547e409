using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace NcrsGateway.Core.Fhir;

/// <summary>
/// Reads a FHIR resource from an upstream body leniently: elements the SDK does not recognise are
/// counted (so the adapter can log them) instead of failing the whole read.
/// </summary>
public static class UpstreamFhirReader
{
    public readonly record struct Result(Resource? Resource, int IssueCount);

    /// <summary>Parses a resource; returns a null resource when the body is not FHIR JSON at all.</summary>
    public static async Task<Result> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            var resource = await JsonSerializer.DeserializeAsync<Resource>(body, FhirJson.Upstream, cancellationToken).ConfigureAwait(false);
            return new Result(resource, 0);
        }
        catch (DeserializationFailedException e)
        {
            return new Result(e.PartialResult as Resource, e.Exceptions.Count);
        }
        catch (JsonException)
        {
            return new Result(null, 1);
        }
    }
}
