using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Fhir;

namespace NcrsGateway.Adapters.Pds.Tests;

/// <summary>The NHS PDS example Patients copied into Examples/ (see Examples/SOURCES.md): each read and each search entry.</summary>
internal static class PdsExamples
{
    public static readonly string[] Files =
        ["Patient_9000000009.json", "Sensitive_Patient_9000000025.json", "Minimal_Patient_9000000033.json", "PatientSearch.json", "Sensitive_PatientSearch.json"];

    /// <summary>Every example Patient, named "file" or "file#entry".</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files)
        {
            var root = Load(file);
            if (root["entry"] is JsonArray entries)
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

    /// <summary>The example's raw JSON, read independently of the FHIR SDK so expectations do not share its parser.</summary>
    public static JsonObject Json(string name)
    {
        var parts = name.Split('#');
        var root = Load(parts[0]);
        return parts.Length == 1 ? root : root["entry"]![int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)]!["resource"]!.AsObject();
    }

    public static Patient Patient(string name) =>
        JsonSerializer.Deserialize<Patient>(Json(name).ToJsonString(), FhirJson.Upstream)!;

    private static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file)))!.AsObject();
}
