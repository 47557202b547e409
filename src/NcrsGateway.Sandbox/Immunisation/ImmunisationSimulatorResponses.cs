using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace NcrsGateway.Sandbox.Immunisation;

/// <summary>FHIR JSON responses of the Immunisation simulator, echoing the caller's tracing headers.</summary>
internal static class ImmunisationSimulatorResponses
{
    private const string ErrorSystem = "https://fhir.nhs.uk/Codesystem/http-error-codes";

    public static ResponseMessage Fhir(IRequestMessage request, int status, JsonNode body)
    {
        var headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = new("application/fhir+json"),
        };
        foreach (var name in new[] { "X-Request-ID", "X-Correlation-ID" })
        {
            if (Header(request, name) is { } value)
            {
                headers[name] = new(value);
            }
        }

        return new ResponseMessage
        {
            StatusCode = status,
            Headers = headers,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
    }

    public static ResponseMessage Error(IRequestMessage request, int status, string issueType, string code, string diagnostics) =>
        Fhir(request, status, new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["id"] = Guid.NewGuid().ToString(),
            ["issue"] = new JsonArray(new JsonObject
            {
                ["severity"] = "error",
                ["code"] = issueType,
                ["details"] = new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject { ["system"] = ErrorSystem, ["code"] = code }),
                },
                ["diagnostics"] = diagnostics,
            }),
        });

    public static JsonObject SearchSet(string selfUrl, IReadOnlyList<JsonObject> resources, string fullUrlBase)
    {
        var entries = new JsonArray();
        foreach (var resource in resources)
        {
            entries.Add(new JsonObject
            {
                ["fullUrl"] = fullUrlBase + (string?)resource["id"],
                ["resource"] = resource,
                ["search"] = new JsonObject { ["mode"] = "match" },
            });
        }

        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["link"] = new JsonArray(new JsonObject { ["relation"] = "self", ["url"] = selfUrl }),
            ["entry"] = entries,
            ["total"] = resources.Count,
        };
    }

    public static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
