using System.Text.Json.Nodes;

namespace NcrsGateway.Sandbox.Nrl;

/// <summary>One in-memory NRL pointer of the sandbox; rendered to a DocumentReference per request.</summary>
internal sealed record SandboxPointer(
    string Id,
    string Patient,
    SandboxCode Type,
    SandboxCode Category,
    string? CustodianOds,
    string DocumentPath,
    string ContentType,
    DateTimeOffset Date,
    bool ViaSpineSecureProxy = false,
    string? Replaces = null)
{
    private const string Snomed = "http://snomed.info/sct";
    private const string OdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";
    private const string SandboxAsid = "918999198738";

    /// <summary>The FHIR DocumentReference, with content URLs on <paramref name="origin"/> (the server the caller reached).</summary>
    public JsonObject ToJson(Uri origin)
    {
        var url = ViaSpineSecureProxy
            ? $"ssp://{origin.Authority}{DocumentPath}"
            : new Uri(origin, DocumentPath).AbsoluteUri;
        var json = new JsonObject
        {
            ["resourceType"] = "DocumentReference",
            ["id"] = Id,
            ["meta"] = new JsonObject { ["versionId"] = "1", ["lastUpdated"] = Date.ToString("o") },
            ["status"] = "current",
            ["docStatus"] = "final",
            ["type"] = Concept(Type),
            ["category"] = new JsonArray(Concept(Category)),
            ["subject"] = new JsonObject { ["identifier"] = Identifier("https://fhir.nhs.uk/Id/nhs-number", Patient) },
            ["date"] = Date.ToString("o"),
            ["author"] = new JsonArray(new JsonObject { ["identifier"] = Identifier(OdsSystem, CustodianOds ?? "XSB99") }),
            ["content"] = new JsonArray(Content(url)),
            ["context"] = Context(),
        };
        if (CustodianOds is not null)
        {
            json["custodian"] = new JsonObject { ["identifier"] = Identifier(OdsSystem, CustodianOds) };
        }

        if (Replaces is not null)
        {
            json["relatesTo"] = new JsonArray(new JsonObject
            {
                ["code"] = "replaces",
                ["target"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = Replaces } },
            });
        }

        return json;
    }

    private JsonObject Content(string url) => new()
    {
        ["attachment"] = new JsonObject
        {
            ["contentType"] = ContentType,
            ["url"] = url,
            ["title"] = Type.Display,
            ["creation"] = Date.ToString("o"),
        },
        ["format"] = ContentType.Contains("fhir", StringComparison.Ordinal)
            ? Coding("https://fhir.nhs.uk/England/CodeSystem/England-NRLFormatCode", "urn:nhs-ic:structured", "Structured Document")
            : Coding("https://fhir.nhs.uk/England/CodeSystem/England-NRLFormatCode", "urn:nhs-ic:unstructured", "Unstructured Document"),
    };

    private JsonObject Context()
    {
        var context = new JsonObject
        {
            ["practiceSetting"] = new JsonObject { ["coding"] = new JsonArray(Coding(Snomed, "788002001", "Adult mental health service")) },
        };
        if (ViaSpineSecureProxy)
        {
            context["related"] = new JsonArray(new JsonObject { ["identifier"] = Identifier("https://fhir.nhs.uk/Id/nhsSpineASID", SandboxAsid) });
        }

        return context;
    }

    private static JsonObject Concept(SandboxCode code) => new() { ["coding"] = new JsonArray(Coding(Snomed, code.Code, code.Display)) };

    private static JsonObject Coding(string system, string code, string display) =>
        new() { ["system"] = system, ["code"] = code, ["display"] = display };

    private static JsonObject Identifier(string system, string value) => new() { ["system"] = system, ["value"] = value };
}
