using System.Text.Json.Nodes;

namespace NcrsGateway.Adapters.Nrl.Tests;

/// <summary>Hand-written NRL wire payloads for fault tests against a bare WireMock server.</summary>
internal static class PointerJson
{
    public static JsonObject Pointer(string id, string nhsNumber, string url, string? custodian = "XTS01", string? replaces = null)
    {
        var pointer = new JsonObject
        {
            ["resourceType"] = "DocumentReference",
            ["id"] = id,
            ["status"] = "current",
            ["type"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://snomed.info/sct", ["code"] = "736253002", ["display"] = "Mental health crisis plan" }) },
            ["subject"] = new JsonObject { ["identifier"] = new JsonObject { ["system"] = "https://fhir.nhs.uk/Id/nhs-number", ["value"] = nhsNumber } },
            ["content"] = new JsonArray(new JsonObject { ["attachment"] = new JsonObject { ["contentType"] = "application/pdf", ["url"] = url } }),
        };
        if (custodian is not null)
        {
            pointer["custodian"] = new JsonObject { ["identifier"] = new JsonObject { ["system"] = "https://fhir.nhs.uk/Id/ods-organization-code", ["value"] = custodian } };
        }

        if (replaces is not null)
        {
            pointer["relatesTo"] = new JsonArray(new JsonObject { ["code"] = "replaces", ["target"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = replaces } } });
        }

        return pointer;
    }

    public static string SearchSet(params JsonObject[] pointers)
    {
        var entries = new JsonArray();
        foreach (var p in pointers)
        {
            entries.Add(new JsonObject { ["resource"] = p });
        }

        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["total"] = pointers.Length, ["entry"] = entries }.ToJsonString();
    }
}
