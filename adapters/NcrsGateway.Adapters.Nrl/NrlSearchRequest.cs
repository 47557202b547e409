using System.Net.Http.Headers;
using System.Text.Json;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>
/// Builds the NRL v3 <c>POST DocumentReference/_search</c> request. The body is JSON with the same keys as
/// the GET query (<c>subject:identifier</c>, <c>type</c>, <c>category</c>), so the NHS number never appears
/// in a URL. Several codes are joined with commas (FHIR token OR).
/// </summary>
internal static class NrlSearchRequest
{
    public const string Path = "DocumentReference/_search";

    public static HttpRequestMessage Create(PointerSearchQuery query)
    {
        var body = new Dictionary<string, string>
        {
            ["subject:identifier"] = NhsNumber.System + "|" + query.NhsNumber.Value,
        };
        AddCodes(body, "type", query.TypeCodes);
        AddCodes(body, "category", query.CategoryCodes);

        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        request.Options.Set(NrlResilience.SafeToRetry, true); // a read, safe to re-send
        return request;
    }

    private static void AddCodes(Dictionary<string, string> body, string key, IReadOnlyList<string> codes)
    {
        if (codes.Count > 0)
        {
            body[key] = string.Join(',', codes.Select(c => CodedConcept.Snomed + "|" + c));
        }
    }
}
