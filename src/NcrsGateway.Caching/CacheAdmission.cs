using System.Text.Json;
using NcrsGateway.Core.Adapters;

namespace NcrsGateway.Caching;

/// <summary>
/// The one rule that keeps the cache metadata-only. Only FHIR JSON whose resources are all allowed by the entry's
/// <see cref="CacheProfile"/> is admitted: the profile's resource types, or a searchset Bundle of them (an
/// OperationOutcome entry included). A <see cref="CacheProfile.NeverCache"/> profile admits nothing. Binary, any other
/// resource, any non-FHIR content (a PDF, an image) and any inline attachment data (<c>attachment.data</c>, which is
/// document content) are refused.
/// </summary>
internal static class CacheAdmission
{
    /// <summary>The envelope types every cacheable profile allows around its own resource types.</summary>
    private static readonly string[] Envelopes = ["Bundle", "OperationOutcome"];

    /// <summary>
    /// Throws <see cref="NotCacheableException"/> unless <paramref name="body"/> is metadata <paramref name="profile"/> may hold.
    /// <paramref name="serializedResourceType"/>: the type the gateway itself serialized the bytes from (no inline
    /// attachment data), which the profile must allow; the bytes are then not read again.
    /// </summary>
    public static void EnsureMetadataOnly(CacheProfile profile, ReadOnlySpan<byte> body, string? contentType, string? serializedResourceType = null)
    {
        if (profile.NeverCache || profile.TimeToLive <= TimeSpan.Zero)
        {
            throw new NotCacheableException($"the '{profile.Name}' profile is never cached (clinical content)");
        }

        if (!IsFhirJson(contentType))
        {
            throw new NotCacheableException($"content type '{contentType}' is not FHIR JSON");
        }

        if (serializedResourceType is not null)
        {
            if (!profile.Allows(serializedResourceType))
            {
                throw new NotCacheableException($"resource type '{serializedResourceType}' is not cacheable metadata");
            }

            return; // serialized by the gateway from its own model: nothing in the bytes to find
        }

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
                            if (type is null || !(profile.Allows(type) || Envelopes.Contains(type, StringComparer.Ordinal)))
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
