using System.Text.Json.Nodes;

namespace NcrsGateway.Adapters.Immunisation.Tests;

/// <summary>Wire shapes of the Immunisation FHIR API for tests (fictional data).</summary>
internal static class ImmunizationJson
{
    public const string OdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";

    public static JsonObject Full(string id, string nhsNumber) => JsonNode.Parse($$"""
        {
          "resourceType": "Immunization",
          "id": "{{id}}",
          "meta": { "versionId": "3" },
          "status": "completed",
          "vaccineCode": { "coding": [ { "system": "http://snomed.info/sct", "code": "39114911000001105", "display": "COVID-19 mRNA vaccine (test)" } ] },
          "patient": { "type": "Patient", "identifier": { "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "{{nhsNumber}}" } },
          "occurrenceDateTime": "2021-01-14T10:20:00+00:00",
          "recorded": "2021-01-15",
          "location": { "type": "Location", "identifier": { "system": "{{OdsSystem}}", "value": "XTS01" } },
          "lotNumber": "LOT-42",
          "expirationDate": "2021-04-30",
          "site": { "coding": [ { "system": "http://snomed.info/sct", "code": "368208006", "display": "Left upper arm structure" } ] },
          "route": { "coding": [ { "system": "http://snomed.info/sct", "code": "78421000", "display": "Intramuscular route" } ] },
          "performer": [
            { "actor": { "reference": "#practitioner" } },
            { "actor": { "type": "Organization", "identifier": { "system": "{{OdsSystem}}", "value": "XTS02" }, "display": "Test Surgery" } }
          ],
          "protocolApplied": [ { "targetDisease": [ { "coding": [ { "system": "http://snomed.info/sct", "code": "840539006", "display": "COVID-19" } ] } ], "doseNumberPositiveInt": 2 } ]
        }
        """)!.AsObject();

    /// <summary>Only what FHIR requires: no performer, location, batch, site, route, recorded date or protocol.</summary>
    public static JsonObject Minimal(string id, string nhsNumber)
    {
        var json = Full(id, nhsNumber);
        foreach (var key in new[] { "location", "lotNumber", "expirationDate", "site", "route", "performer", "protocolApplied", "recorded" })
        {
            json.Remove(key);
        }

        return json;
    }

    /// <summary>As the real API writes a restricted patient's record: placeholder organisation and country-only location.</summary>
    public static JsonObject Restricted(string id, string nhsNumber)
    {
        var json = Full(id, nhsNumber);
        json["performer"] = new JsonArray(new JsonObject
        {
            ["actor"] = new JsonObject { ["type"] = "Organization", ["identifier"] = new JsonObject { ["system"] = OdsSystem, ["value"] = "N2N9I" } },
        });
        json["location"] = new JsonObject { ["identifier"] = new JsonObject { ["system"] = "urn:iso:std:iso:3166", ["value"] = "GB" } };
        return json;
    }

    public static JsonObject With(this JsonObject json, string key, JsonNode? value)
    {
        json[key] = value;
        return json;
    }

    public static JsonObject Without(this JsonObject json, string key)
    {
        json.Remove(key);
        return json;
    }

    public static string SearchSet(params JsonObject[] resources)
    {
        var entries = new JsonArray();
        foreach (var resource in resources)
        {
            entries.Add(new JsonObject { ["resource"] = resource, ["search"] = new JsonObject { ["mode"] = "match" } });
        }

        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["total"] = resources.Length, ["entry"] = entries }.ToJsonString();
    }

    public static string Outcome(string issueCode) =>
        new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = issueCode }),
        }.ToJsonString();
}
