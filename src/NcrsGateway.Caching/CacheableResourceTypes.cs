using System.Text.Json;

namespace NcrsGateway.Caching;

/// <summary>
/// The one rule that keeps the cache metadata-only. Only FHIR JSON whose resources are all on the allow-list
/// for the entry's kind is admitted: Patient (or a Bundle of them) for demographics; DocumentReference (or a
/// Bundle of them) for pointers. Binary, any other resource, any non-FHIR content (a PDF, an image) and any
/// inline attachment data (<c>attachment.data</c>, which is document content) are refused.
/// </summary>
public static class CacheableResourceTypes
{
    private static readonly string[] Demographics = ["Patient", "Bundle", "OperationOutcome"];
    private static readonly string[] Pointers = ["DocumentReference", "Bundle", "OperationOutcome"];

    /// <summary>Resource types allowed anywhere in an entry of this kind (the top level must not be OperationOutcome).</summary>
    public static IReadOnlyList<string> AllowedFor(CacheableKind kind) => kind == CacheableKind.Demographics ? Demographics : Pointers;

    /// <summary>Throws <see cref="NotCacheableException"/> unless <paramref name="body"/> is metadata the cache may hold.</summary>
    public static void EnsureMetadataOnly(CacheableKind kind, ReadOnlySpan<byte> body, string? contentType)
    {
        if (!IsFhirJson(contentType))
        {
            throw new NotCacheableException($"content type '{contentType}' is not FHIR JSON");
        }

        var allowed = AllowedFor(kind);
        var reader = new Utf8JsonReader(body);
        var containers = new Stack<string?>();
        string? property = null;
        string? topLevel = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        containers.Push(property ?? (containers.Count > 0 ? containers.Peek() : null));
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        containers.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        if (property == "data" && containers.Count > 0 && containers.Peek() == "attachment")
                        {
                            throw new NotCacheableException("an attachment carries inline document data");
                        }

                        if (property == "resourceType")
                        {
                            var depth = reader.CurrentDepth;
                            reader.Read();
                            var type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                            if (type is null || !allowed.Contains(type))
                            {
                                throw new NotCacheableException($"resource type '{type}' is not cacheable metadata");
                            }

                            if (depth == 1)
                            {
                                topLevel = type;
                            }

                            property = null;
                        }

                        break;
                    default:
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new NotCacheableException("the body is not JSON", e);
        }

        if (topLevel is null or "OperationOutcome")
        {
            throw new NotCacheableException("the body is not a cacheable FHIR resource");
        }
    }

    private static bool IsFhirJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/fhir+json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
}
