using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Fhir;

namespace NcrsGateway.Adapters.Nrl.Tests;

/// <summary>The NHS NRL example pointers copied into Examples/ (see Examples/SOURCES.md): each read and each search entry.</summary>
internal static class NrlExamples
{
    public static readonly string[] Files =
    [
        "Y05868-736253002-Valid.json", "Y05868-736253002-Valid-with-ssp-content.json", "RQI-736253002-Valid.json",
        "consumer-spec_read_documentreference.json", "consumer-spec_search_bundle_9000000017.json",
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files)
        {
            if (Load(file)["entry"] is JsonArray entries)
            {
                for (var i = 0; i < entries.Count; i++)
                {
                    data.Add($"{file}#{i}");
                }
            }
            else
            {
                data.Add(file);
            }
        }

        return data;
    }

    public static JsonObject Json(string name)
    {
        var parts = name.Split('#');
        var root = Load(parts[0]);
        return parts.Length == 1 ? root : root["entry"]![int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)]!["resource"]!.AsObject();
    }

    public static DocumentReference Pointer(string name) =>
        JsonSerializer.Deserialize<DocumentReference>(Json(name).ToJsonString(), FhirJson.Upstream)!;

    private static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file)))!.AsObject();
}
