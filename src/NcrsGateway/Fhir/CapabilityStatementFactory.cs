using Hl7.Fhir.Model;
using NcrsGateway.Hosting;
using static Hl7.Fhir.Model.CapabilityStatement;

namespace NcrsGateway.Fhir;

/// <summary>
/// Describes exactly what the gateway serves. When an endpoint is added, add it here too: a functional test
/// compares this statement with the routes and with <c>profiles/CapabilityStatement-NcrsGateway.json</c>.
/// Only configured upstreams are listed: no PDS, no Patient; no NRL, no DocumentReference, Binary or _revinclude.
/// </summary>
internal static class CapabilityStatementFactory
{
    public const string CanonicalUrl = "https://ncrs-gateway.nhs.example/fhir/CapabilityStatement/NcrsGateway";

    public static CapabilityStatement Create(string baseUrl, ConfiguredUpstreams upstreams) => new()
    {
        Id = "NcrsGateway",
        Url = CanonicalUrl,
        Name = "NcrsGateway",
        Title = "NcrsGateway: one FHIR R4 endpoint for national NHS demographics and record location",
        Status = PublicationStatus.Active,
        Date = "2026-11-25",
        Publisher = "NcrsGateway maintainers",
        Kind = CapabilityStatementKind.Instance,
        Software = new SoftwareComponent { Name = "NcrsGateway", Version = typeof(CapabilityStatementFactory).Assembly.GetName().Version?.ToString(3) },
        Implementation = new ImplementationComponent { Description = "NcrsGateway", Url = baseUrl },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["application/fhir+json", "json"],
        Rest = [new RestComponent { Mode = RestfulCapabilityMode.Server, Resource = Resources(upstreams), Security = Security() }],
    };

    private static List<ResourceComponent> Resources(ConfiguredUpstreams upstreams)
    {
        var resources = new List<ResourceComponent>();
        if (upstreams.Demographics)
        {
            var patient = Patient();
            if (!upstreams.PatientWithPointers)
            {
                patient.SearchRevInclude = [];
            }

            resources.Add(patient);
        }

        if (upstreams.RecordLocator)
        {
            resources.Add(DocumentReference());
            resources.Add(Binary());
        }

        resources.Add(AuditEvent());
        return resources;
    }

    private static ResourceComponent Patient() => new()
    {
        Type = ResourceType.Patient.ToString(),
        Profile = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient",
        Interaction =
        [
            new ResourceInteractionComponent { Code = TypeRestfulInteraction.Read },
            new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType },
        ],
        ReadHistory = false,
        SearchRevInclude = ["DocumentReference:subject"],
        Operation =
        [
            Operation("verify", "Compare local demographics with the national record, field by field; changes nothing"),
            Operation("select", "Record an explicit, confirmed patient selection; returns a short-lived selection token"),
            Operation("ncrs-launch", "Exchange a selection token for the NCRS link for exactly that patient, with an audit id"),
        ],
        SearchParam =
        [
            Param("identifier", SearchParamType.Token, "https://fhir.nhs.uk/Id/nhs-number|{NHS number}; on its own"),
            Param("family", SearchParamType.String, "Family name; required with birthdate unless _fuzzy-match=true"),
            Param("given", SearchParamType.String, "Given name; repeatable"),
            Param("birthdate", SearchParamType.Date, "yyyy-MM-dd with eq, ge or le; two values for a range"),
            Param("gender", SearchParamType.Token, "male | female | other | unknown"),
            Param("address-postalcode", SearchParamType.String, "Postcode"),
            Param("_fuzzy-match", SearchParamType.Token, "true for a fuzzy (phonetic) search"),
            Param("_exact-match", SearchParamType.Token, "true for an exact match only"),
            Param("_max-results", SearchParamType.Number, "1 to 50; default 10"),
        ],
    };

    private static ResourceComponent DocumentReference() => new()
    {
        Type = ResourceType.DocumentReference.ToString(),
        Profile = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-DocumentReference",
        Documentation = "National Record Locator pointers. Attachment URLs point at this gateway's Binary endpoint, never at the record's repository.",
        Interaction =
        [
            new ResourceInteractionComponent { Code = TypeRestfulInteraction.Read },
            new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType },
        ],
        ReadHistory = false,
        SearchParam =
        [
            Param("patient:identifier", SearchParamType.Token, "https://fhir.nhs.uk/Id/nhs-number|{NHS number}; required (subject:identifier is accepted too)"),
            Param("type", SearchParamType.Token, "http://snomed.info/sct|{code}; commas separate alternatives"),
            Param("category", SearchParamType.Token, "http://snomed.info/sct|{code}; commas separate alternatives"),
            Param("_count", SearchParamType.Number, "Page size, 0 to 100; default 20"),
            Param("_page", SearchParamType.Number, "1-based page number; follow the Bundle's next/previous links"),
        ],
    };

    private static ResourceComponent Binary() => new()
    {
        Type = ResourceType.Binary.ToString(),
        Documentation = "GET Binary/{pointer id}[?content=n] streams the document a DocumentReference locates, in its own content type, with Cache-Control: no-store.",
        Interaction = [new ResourceInteractionComponent { Code = TypeRestfulInteraction.Read }],
        ReadHistory = false,
    };

    private static ResourceComponent AuditEvent() => new()
    {
        Type = ResourceType.AuditEvent.ToString(),
        Documentation = "Auditors only (role auditor). Every clinical access through the gateway, newest first; paged with the next link.",
        Interaction = [new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType }],
        ReadHistory = false,
        SearchParam =
        [
            Param("patient", SearchParamType.Reference, "https://fhir.nhs.uk/Id/nhs-number|{NHS number}, or the bare number"),
            Param("agent", SearchParamType.Reference, "The user id (token sub) of the person who acted"),
            Param("date", SearchParamType.Date, "ge, gt, le or lt with yyyy-MM-dd or a date-time; two values for a range"),
            Param("outcome", SearchParamType.Token, "0 success; 4 user error or access refused; 8 technical or upstream failure"),
            Param("_count", SearchParamType.Number, "1 to 100; default 20"),
            Param("_cursor", SearchParamType.String, "Opaque paging cursor: follow the next link"),
        ],
    };

    private static SecurityComponent Security() => new()
    {
        Description = "Every interaction except metadata needs an OAuth 2.0 / OIDC bearer token (JWT) carrying sub, role and ods claims; "
            + "roles: clinician (read, verify, select, launch), reader (read, verify), auditor (audit search).",
    };

    private static OperationComponent Operation(string name, string documentation) =>
        new() { Name = name, Definition = $"https://ncrs-gateway.nhs.example/fhir/OperationDefinition/Patient-{name}", Documentation = documentation };

    private static CapabilityStatement.SearchParamComponent Param(string name, SearchParamType type, string documentation) =>
        new() { Name = name, Type = type, Documentation = documentation };
}
