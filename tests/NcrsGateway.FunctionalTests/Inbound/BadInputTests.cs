using System.Net;
using NcrsGateway.FunctionalTests.ClinicalContext;
using NcrsGateway.Sandbox;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Inbound;

/// <summary>
/// Issue 9 item 8: input a caller sent is answered with a 4xx OperationOutcome naming what to fix, never a 500:
/// bodies that are not one JSON object, dates at the edge of the calendar, a newline smuggled into an id, the
/// wrong method on an operation.
/// </summary>
public sealed class BadInputTests(ClinicalContextHost fixture) : IClassFixture<ClinicalContextHost>
{
    public static readonly TheoryData<string, string, string?, string, HttpStatusCode, string?> Cases = new()
    {
        { "POST", "fhir/Patient/$verify", "[]", "clinician", HttpStatusCode.BadRequest, "invalid-request" },
        { "POST", "fhir/Patient/$verify", """[{"resourceType":"Patient"}]""", "clinician", HttpStatusCode.BadRequest, "invalid-request" },
        { "POST", "fhir/Patient/$verify", "\"Patient\"", "clinician", HttpStatusCode.BadRequest, "invalid-request" },
        { "POST", "fhir/Patient/$verify", "42", "clinician", HttpStatusCode.BadRequest, "invalid-request" },
        { "POST", "fhir/Patient/$verify", "null", "clinician", HttpStatusCode.BadRequest, "invalid-request" },
        { "POST", "fhir/Patient/$verify", "true", "clinician", HttpStatusCode.BadRequest, "invalid-request" },
        { "POST", "fhir/Patient/$select", """[{"resourceType":"Parameters"}]""", "clinician", HttpStatusCode.BadRequest, "invalid-request" },
        { "POST", "fhir/Patient/$select", "\"x\"", "clinician", HttpStatusCode.BadRequest, "invalid-request" },
        { "POST", "fhir/Patient/$ncrs-launch", "[]", "clinician", HttpStatusCode.BadRequest, "invalid-request" },
        { "POST", "fhir/Patient/$ncrs-launch", "1.5", "clinician", HttpStatusCode.BadRequest, "invalid-request" },
        { "GET", "fhir/AuditEvent?date=le9999-12-31", null, "auditor", HttpStatusCode.OK, null },
        { "GET", "fhir/AuditEvent?date=gt9999-12-31", null, "auditor", HttpStatusCode.BadRequest, "invalid-search" },
        { "GET", "fhir/AuditEvent?date=lt0001-01-01", null, "auditor", HttpStatusCode.BadRequest, "invalid-search" },
        { "GET", "fhir/AuditEvent?date=gt9999-12-31T23:59:59.9999999Z", null, "auditor", HttpStatusCode.BadRequest, "invalid-search" },
        { "GET", $"fhir/Patient/{SandboxPatients.Search}%0A", null, "clinician", HttpStatusCode.BadRequest, "invalid-nhs-number" },
        { "GET", $"fhir/DocumentReference/{NrlSandboxPointers.CrisisPlanId}%0A", null, "clinician", HttpStatusCode.BadRequest, "invalid-request" },
        { "GET", $"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}%0A", null, "clinician", HttpStatusCode.BadRequest, "invalid-request" },
        { "GET", "fhir/Patient/$verify", null, "clinician", HttpStatusCode.MethodNotAllowed, "method-not-allowed" },
        { "GET", "fhir/Patient/$select", null, "clinician", HttpStatusCode.MethodNotAllowed, "method-not-allowed" },
        { "GET", "fhir/Patient/$ncrs-launch", null, "clinician", HttpStatusCode.MethodNotAllowed, "method-not-allowed" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_Is4xxOperationOutcomeNeverServerError(string method, string path, string? body, string role, HttpStatusCode status, string? code)
    {
        var user = role == "auditor" ? TestTokens.Auditor : TestTokens.Clinician;
        using var client = fixture.Host.CreateClient(TestTokens.Mint(user, "ws-bad-input"));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = ClinicalContextClient.Fhir(body);
        }

        using var response = await client.SendAsync(request);
        var answer = new ClinicalContextClient.Answer(response.StatusCode, await response.Content.ReadAsStringAsync());

        Assert.Equal(status, answer.Status);
        Assert.Equal(code, answer.ErrorCode);
    }

    [Fact]
    public async Task AuditEvent_DatesAtTheCalendarsUsableEdges_AreSearched()
    {
        using var client = fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Auditor, "ws-bad-input"));

        using var response = await client.GetAsync("fhir/AuditEvent?date=ge0001-01-02&date=le9999-12-30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
