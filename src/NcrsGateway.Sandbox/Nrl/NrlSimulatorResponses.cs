using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace NcrsGateway.Sandbox.Nrl;

/// <summary>FHIR JSON responses of the NRL simulator, echoing the caller's tracing headers.</summary>
internal static class NrlSimulatorResponses
{
    private const string ErrorSystem = "https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode";

    public static ResponseMessage Fhir(IRequestMessage request, int status, JsonNode body)
    {
        var headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = new("application/fhir+json"),
        };
        foreach (var name in new[] { "X-Request-ID", "X-Correlation-ID" })
        {
            if (NrlSimulatorRequest.Header(request, name) is { } value)
            {
                headers[name] = new(value);
            }
        }

        return new ResponseMessage
        {
            StatusCode = status,
            Headers = headers,
            BodyData = new BodyData
            {
                BodyAsString = body.ToJsonString(),
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
    }

    public static ResponseMessage Error(IRequestMessage request, int status, string issueType, string code, string diagnostics) =>
        Fhir(request, status, new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["issue"] = new JsonArray(new JsonObject
            {
                ["severity"] = "error",
                ["code"] = issueType,
                ["details"] = new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject { ["system"] = ErrorSystem, ["version"] = "1", ["code"] = code }),
                },
                ["diagnostics"] = diagnostics,
            }),
        });

    public static JsonObject SearchSet(IReadOnlyList<JsonObject> resources)
    {
        var entries = new JsonArray();
        foreach (var resource in resources)
        {
            entries.Add(new JsonObject { ["resource"] = resource });
        }

        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["total"] = resources.Count,
            ["entry"] = entries,
        };
    }
}
