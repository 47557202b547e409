using System.Text.Json;
using Hl7.Fhir.Serialization;

namespace NcrsGateway.Core.Fhir;

/// <summary>The one set of Firely System.Text.Json options the gateway uses, built once.</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    /// <summary>Strict options for what the gateway writes and for caller input.</summary>
    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir();

    /// <summary>
    /// Options for upstream payloads: recoverable, so an unknown element from a national service
    /// is reported (the caller logs it) rather than losing the whole record.
    /// </summary>
    public static readonly JsonSerializerOptions Upstream =
        new JsonSerializerOptions().ForFhir().UsingMode(DeserializationMode.Recoverable);
}
