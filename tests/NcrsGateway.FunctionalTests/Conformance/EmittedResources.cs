using System.Net;
using System.Text;
using NcrsGateway.Sandbox;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Conformance;

/// <summary>
/// Every kind of resource a sandbox gateway emits, one named request each: the Patients (superseded, restricted,
/// deceased, minimal, with address keys), every searchset, DocumentReference, Immunization, AuditEvent, Parameters,
/// the OperationOutcomes a caller can meet, and the CapabilityStatement.
/// </summary>
internal static class EmittedResources
{
    private const string Nhs = "https://fhir.nhs.uk/Id/nhs-number|";

    /// <summary>Name → (expected status, how to get it).</summary>
    public static readonly IReadOnlyDictionary<string, (HttpStatusCode Status, Func<GatewayHost, Task<HttpResponseMessage>> Send)> Cases =
        new Dictionary<string, (HttpStatusCode, Func<GatewayHost, Task<HttpResponseMessage>>)>(StringComparer.Ordinal)
        {
            ["Patient read: deceased, address keys, contacts"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient/{SandboxPatients.Deceased}")),
            ["Patient read: living full record"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient/{SandboxPatients.Search}")),
            ["Patient read: restricted"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient/{SandboxPatients.Restricted}")),
            ["Patient read: minimal"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient/{SandboxPatients.Minimal}")),
            ["Patient read: same family"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient/{SandboxPatients.SameFamily}")),
            ["Patient read: superseded number"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient/{SandboxPatients.SupersededOld}")),
            ["Patient read: informally deceased"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient/{SandboxPatients.InformallyDeceased}")),
            ["Patient search: by identifier"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient?identifier={Nhs}{SandboxPatients.Restricted}")),
            ["Patient search: by superseded identifier"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient?identifier={Nhs}{SandboxPatients.SupersededOld}")),
            ["Patient search: by identifier, none found"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient?identifier={Nhs}{SandboxPatients.NotFound}")),
            ["Patient search: demographics"] = (HttpStatusCode.OK, h => Get(h, "fhir/Patient?family=Ashworth&birthdate=ge1960-01-01&birthdate=le2000-12-31")),
            ["Patient search: demographics, none found"] = (HttpStatusCode.OK, h => Get(h, "fhir/Patient?family=Nobody&birthdate=eq2000-01-01")),
            ["Patient search: _revinclude DocumentReference"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient?identifier={Nhs}{NrlSandboxPointers.PatientWithPointers}&_revinclude=DocumentReference:subject")),
            ["DocumentReference search"] = (HttpStatusCode.OK, h => Get(h, $"fhir/DocumentReference?patient:identifier={Nhs}{NrlSandboxPointers.PatientWithPointers}")),
            ["DocumentReference search: paged"] = (HttpStatusCode.OK, h => Get(h, $"fhir/DocumentReference?patient:identifier={Nhs}{NrlSandboxPointers.PatientWithManyPointers}")),
            ["DocumentReference search: none found"] = (HttpStatusCode.OK, h => Get(h, $"fhir/DocumentReference?patient:identifier={Nhs}{NrlSandboxPointers.UnknownPatient}")),
            ["DocumentReference read"] = (HttpStatusCode.OK, h => Get(h, $"fhir/DocumentReference/{NrlSandboxPointers.EndOfLifeSummaryId}")),
            ["DocumentReference read: SSP content"] = (HttpStatusCode.OK, h => Get(h, $"fhir/DocumentReference/{NrlSandboxPointers.SspPointerId}")),
            ["Immunization search"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Immunization?patient.identifier={Nhs}{SandboxPatients.Search}&-immunization.target=MMR,HPV")),
            ["Immunization search: restricted patient"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Immunization?patient.identifier={Nhs}{SandboxPatients.Restricted}&-immunization.target=FLU")),
            ["Immunization search: deceased patient, date range"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Immunization?patient.identifier={Nhs}{SandboxPatients.Deceased}&-immunization.target=COVID19,FLU&-date.from=2021-03-01&-date.to=2021-12-31")),
            ["AuditEvent search"] = (HttpStatusCode.OK, AuditEventsAsync),
            ["Parameters: $verify"] = (HttpStatusCode.OK, h => Post(h, "fhir/Patient/$verify", VerifyBody(SandboxPatients.Restricted))),
            ["Parameters: $verify superseded number"] = (HttpStatusCode.OK, h => Post(h, "fhir/Patient/$verify", VerifyBody(SandboxPatients.SupersededOld))),
            ["Parameters: $select"] = (HttpStatusCode.OK, h => Post(h, "fhir/Patient/$select", SelectBody(SandboxPatients.Search))),
            ["Parameters: $ncrs-launch"] = (HttpStatusCode.OK, LaunchAsync),
            ["CapabilityStatement"] = (HttpStatusCode.OK, h => Anonymous(h, "fhir/metadata")),
            ["OperationOutcome: invalid NHS number (400)"] = (HttpStatusCode.BadRequest, h => Get(h, $"fhir/Patient/{SandboxPatients.BadCheckDigit}")),
            ["OperationOutcome: patient not found (404)"] = (HttpStatusCode.NotFound, h => Get(h, $"fhir/Patient/{SandboxPatients.NotFound}")),
            ["OperationOutcome: invalidated record (404)"] = (HttpStatusCode.NotFound, h => Get(h, $"fhir/Patient/{SandboxPatients.Invalidated}")),
            ["OperationOutcome: too many matches (422)"] = (HttpStatusCode.UnprocessableEntity, h => Get(h, $"fhir/Patient?family={SandboxPatients.TooManyMatchesFamily}&birthdate=eq2000-01-01")),
            ["OperationOutcome: unknown search parameter (400)"] = (HttpStatusCode.BadRequest, h => Get(h, "fhir/Patient?colour=blue")),
            ["OperationOutcome: unauthenticated (401)"] = (HttpStatusCode.Unauthorized, h => Anonymous(h, $"fhir/Patient/{SandboxPatients.Search}")),
            ["OperationOutcome: forbidden role (403)"] = (HttpStatusCode.Forbidden, h => Get(h, "fhir/AuditEvent")),
            ["OperationOutcome: vaccine type not permitted (403)"] = (HttpStatusCode.Forbidden, h => Get(h, $"fhir/Immunization?patient.identifier={Nhs}{SandboxPatients.Search}&-immunization.target=PERTUSSIS")),
            ["OperationOutcome: unknown route (404)"] = (HttpStatusCode.NotFound, h => Get(h, "fhir/Observation/1")),
            ["OperationOutcome: wrong method on an operation (405)"] = (HttpStatusCode.MethodNotAllowed, h => Get(h, "fhir/Patient/$verify")),
            ["OperationOutcome: unacceptable format (406)"] = (HttpStatusCode.NotAcceptable, h => Get(h, $"fhir/Patient/{SandboxPatients.Search}?_format=xml")),
            ["OperationOutcome: $select not confirmed (400)"] = (HttpStatusCode.BadRequest, h => Post(h, "fhir/Patient/$select", SelectBody(SandboxPatients.Search, confirmed: false))),
            ["Patient search: POST _search, paged (_count=1)"] = (HttpStatusCode.OK, h => Form(h, "fhir/Patient/_search", "family=Ashworth&birthdate=ge1960-01-01&birthdate=le2000-12-31&_count=1")),
            ["Patient search: lenient, ignored parameters in an outcome entry"] = (HttpStatusCode.OK, h => Lenient(h, "fhir/Patient?family=Ashworth&birthdate=eq1968-04-17&colour=blue")),
            ["Patient search: _summary=true (subsetted)"] = (HttpStatusCode.OK, h => Get(h, "fhir/Patient?family=Ashworth&birthdate=ge1960-01-01&birthdate=le2000-12-31&_summary=true")),
            ["Patient search: _summary=count"] = (HttpStatusCode.OK, h => Get(h, "fhir/Patient?family=Ashworth&birthdate=ge1960-01-01&birthdate=le2000-12-31&_summary=count")),
            ["Patient read: _summary=true (subsetted)"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient/{SandboxPatients.Deceased}?_summary=true")),
            ["Patient read: _summary=data (subsetted)"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient/{SandboxPatients.Restricted}?_summary=data")),
            ["Patient read: _elements=name,birthDate (subsetted)"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Patient/{SandboxPatients.Search}?_elements=name,birthDate")),
            ["DocumentReference search: _elements=type (subsetted)"] = (HttpStatusCode.OK, h => Get(h, $"fhir/DocumentReference?patient:identifier={Nhs}{NrlSandboxPointers.PatientWithPointers}&_elements=type")),
            ["Immunization search: POST _search, _summary=true, paged (_count=1)"] = (HttpStatusCode.OK, h => Form(h, "fhir/Immunization/_search", $"patient.identifier={Uri.EscapeDataString(Nhs + SandboxPatients.Search)}&-immunization.target=MMR,HPV&_summary=true&_count=1")),
            ["Immunization search: restricted patient, lenient, _elements=status"] = (HttpStatusCode.OK, h => Lenient(h, $"fhir/Immunization?patient.identifier={Nhs}{SandboxPatients.Restricted}&-immunization.target=FLU&_elements=status&unknown=1")),
            ["OperationOutcome: unsupported media type (415)"] = (HttpStatusCode.UnsupportedMediaType, h => Form(h, "fhir/Patient/$verify", "patient=x")),
            ["OperationOutcome: another fhirVersion (406)"] = (HttpStatusCode.NotAcceptable, h => Accepting(h, $"fhir/Patient/{SandboxPatients.Search}", "application/fhir+json; fhirVersion=5.0")),
            ["AuditEvent read (an entry's fullUrl)"] = (HttpStatusCode.OK, AuditEventReadAsync),
            ["Immunization search: standard names (patient, target-disease, date)"] = (HttpStatusCode.OK, h => Get(h, $"fhir/Immunization?patient=Patient/{SandboxPatients.Deceased}&target-disease=COVID19,FLU&date=ge2021-03-01&date=le2021-12-31")),
            ["Binary resource (Accept: application/fhir+json)"] = (HttpStatusCode.OK, h => Accepting(h, $"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}", "application/fhir+json")),
            ["OperationOutcome: document too large for a Binary resource (406)"] = (HttpStatusCode.NotAcceptable, h => Accepting(h, $"fhir/Binary/{NrlSandboxPointers.RespectId}", "application/fhir+json")),
            ["OperationOutcome: malformed Parameters (400)"] = (HttpStatusCode.BadRequest, h => Post(h, "fhir/Patient/$verify", """{"resourceType":"Parameters","parameter":[{"name":"patient"}]}""")),
        };

    public static TheoryData<string> Names => [.. Cases.Keys];

    private static async Task<HttpResponseMessage> Get(GatewayHost host, string path)
    {
        using var client = host.CreateClinicianClient();
        return await client.GetAsync(path);
    }

    private static async Task<HttpResponseMessage> Post(GatewayHost host, string path, string body)
    {
        using var client = host.CreateClinicianClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/fhir+json");
        return await client.PostAsync(path, content);
    }

    private static async Task<HttpResponseMessage> Form(GatewayHost host, string path, string form)
    {
        using var client = host.CreateClinicianClient();
        using var content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        return await client.PostAsync(path, content);
    }

    private static async Task<HttpResponseMessage> Lenient(GatewayHost host, string path)
    {
        using var client = host.CreateClinicianClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Prefer", "handling=lenient");
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> Accepting(GatewayHost host, string path, string accept)
    {
        using var client = host.CreateClinicianClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> Anonymous(GatewayHost host, string path)
    {
        using var client = host.CreateClient();
        return await client.GetAsync(path);
    }

    /// <summary>A read, then the auditor's search for it: the AuditEvent searchset.</summary>
    private static async Task<HttpResponseMessage> AuditEventsAsync(GatewayHost host)
    {
        using (var read = await Get(host, $"fhir/Patient/{SandboxPatients.Deceased}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var auditor = host.CreateClient(TestTokens.Mint(TestTokens.Auditor, "ws-audit"));
        return await auditor.GetAsync($"fhir/AuditEvent?agent={TestTokens.Clinician.UserId}");
    }

    /// <summary>The auditor's read of the newest row the search finds, by the entry's fullUrl.</summary>
    private static async Task<HttpResponseMessage> AuditEventReadAsync(GatewayHost host)
    {
        using (var search = await AuditEventsAsync(host))
        {
            var bundle = await FhirAssert.ResourceAsync<Hl7.Fhir.Model.Bundle>(search);
            using var auditor = host.CreateClient(TestTokens.Mint(TestTokens.Auditor, "ws-audit"));
            return await auditor.GetAsync(bundle.Entry[0].FullUrl);
        }
    }

    private static async Task<HttpResponseMessage> LaunchAsync(GatewayHost host)
    {
        using var client = host.CreateClinicianClient();
        using var selected = await client.PostAsync("fhir/Patient/$select", new StringContent(SelectBody(SandboxPatients.Search), Encoding.UTF8, "application/fhir+json"));
        var json = await selected.Content.ReadAsStringAsync();
        Assert.True(selected.StatusCode == HttpStatusCode.OK, json);
        var token = System.Text.Json.Nodes.JsonNode.Parse(json)!["parameter"]!.AsArray()
            .Single(p => (string?)p!["name"] == "selectionToken")!["valueString"]!.GetValue<string>();
        return await client.PostAsync("fhir/Patient/$ncrs-launch", new StringContent(
            $$"""{"resourceType":"Parameters","parameter":[{"name":"selectionToken","valueString":"{{token}}"},{"name":"originFeature","valueString":"patient-banner"}]}""",
            Encoding.UTF8, "application/fhir+json"));
    }

    private static string VerifyBody(string nhsNumber) =>
        $$$"""{"resourceType":"Parameters","parameter":[{"name":"patient","resource":{"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{{nhsNumber}}}"}],"name":[{"family":"Raman","given":["Priya"]}],"birthDate":"1988-12-02","address":[{"postalCode":"LS1 4AP"}]}}]}""";

    private static string SelectBody(string nhsNumber, bool confirmed = true) =>
        $$$"""{"resourceType":"Parameters","parameter":[{"name":"nhsNumber","valueIdentifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{{nhsNumber}}}"}},{"name":"confirmed","valueBoolean":{{{(confirmed ? "true" : "false")}}}}]}""";
}
