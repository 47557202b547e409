using System.Text.Json.Nodes;

namespace NcrsGateway.Sandbox.Immunisation;

/// <summary>
/// One fictional vaccination event. <see cref="Restricted"/> writes it as the real API does for a restricted patient
/// (performing organisation <c>N2N9I</c>, location the country <c>GB</c>); <see cref="Malformed"/> leaves out the
/// vaccine code, so the adapter must skip it with a warning.
/// </summary>
internal sealed record SandboxVaccination(
    string Id,
    string NhsNumber,
    SandboxVaccine Vaccine,
    string OccurrenceDateTime,
    int DoseNumber,
    string PerformerOds,
    string PerformerName,
    string LocationOds,
    string? LotNumber,
    string? ExpirationDate,
    SandboxCoding? Site,
    SandboxCoding? Route,
    bool Restricted = false,
    bool Malformed = false)
{
    private const string Snomed = "http://snomed.info/sct";
    private const string OdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";
    private const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";

    /// <summary>The calendar date the vaccination was given, for the date bounds.</summary>
    public DateOnly Date => DateOnly.Parse(OccurrenceDateTime.AsSpan(0, 10), System.Globalization.CultureInfo.InvariantCulture);

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["resourceType"] = "Immunization",
            ["id"] = Id,
            ["meta"] = new JsonObject { ["versionId"] = "1" },
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://sandbox.ncrs-gateway.nhs.example/vaccination-event", ["value"] = Id, ["use"] = "official" }),
            ["status"] = "completed",
        };
        if (!Malformed)
        {
            json["vaccineCode"] = Concept(Vaccine.Vaccine);
        }

        json["patient"] = new JsonObject
        {
            ["reference"] = "urn:uuid:" + Guid.Empty,
            ["type"] = "Patient",
            ["identifier"] = new JsonObject { ["system"] = NhsNumberSystem, ["value"] = NhsNumber },
        };
        json["occurrenceDateTime"] = OccurrenceDateTime;
        json["recorded"] = OccurrenceDateTime[..10];
        json["primarySource"] = true;
        json["location"] = Restricted
            ? new JsonObject { ["identifier"] = new JsonObject { ["system"] = "urn:iso:std:iso:3166", ["value"] = "GB" } }
            : new JsonObject { ["type"] = "Location", ["identifier"] = new JsonObject { ["system"] = OdsSystem, ["value"] = LocationOds } };
        if (LotNumber is not null)
        {
            json["lotNumber"] = LotNumber;
        }

        if (ExpirationDate is not null)
        {
            json["expirationDate"] = ExpirationDate;
        }

        if (Site is not null)
        {
            json["site"] = Concept(Site);
        }

        if (Route is not null)
        {
            json["route"] = Concept(Route);
        }

        json["performer"] = new JsonArray(new JsonObject
        {
            ["actor"] = Restricted
                ? new JsonObject { ["type"] = "Organization", ["identifier"] = new JsonObject { ["system"] = OdsSystem, ["value"] = "N2N9I" } }
                : new JsonObject { ["type"] = "Organization", ["identifier"] = new JsonObject { ["system"] = OdsSystem, ["value"] = PerformerOds }, ["display"] = PerformerName },
        });
        var diseases = new JsonArray();
        foreach (var disease in Vaccine.TargetDiseases)
        {
            diseases.Add(Concept(disease));
        }

        json["protocolApplied"] = new JsonArray(new JsonObject { ["targetDisease"] = diseases, ["doseNumberPositiveInt"] = DoseNumber });
        return json;
    }

    private static JsonObject Concept(SandboxCoding coding) => new()
    {
        ["coding"] = new JsonArray(new JsonObject { ["system"] = Snomed, ["code"] = coding.Code, ["display"] = coding.Display }),
    };
}
