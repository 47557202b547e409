using System.Net;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.ClinicalContext;

/// <summary>One user at one workstation, calling the clinical-context operations as a local system would.</summary>
internal sealed class ClinicalContextClient(GatewayHost host, TestUser user, string workstation, string? sessionId = null) : IDisposable
{
    private readonly HttpClient _http = host.CreateClient(TestTokens.Mint(user, workstation, sessionId));

    public TestUser User => user;

    /// <summary>How long a call may take before the client gives up (60 s unless told).</summary>
    public TimeSpan Timeout
    {
        get => _http.Timeout;
        set => _http.Timeout = value;
    }

    public string Workstation => workstation;

    public static string Body(Resource resource) => JsonSerializer.Serialize(resource, FhirJson.Options);

    public static StringContent Fhir(string json) => new(json, Encoding.UTF8, FhirJson.MediaType);

    public static string SelectBody(string nhsNumber, bool confirmed = true, string? verifiedVersion = null) =>
        $$$"""{"resourceType":"Parameters","parameter":[{"name":"nhsNumber","valueIdentifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{{nhsNumber}}}"}},{"name":"confirmed","valueBoolean":{{{(confirmed ? "true" : "false")}}}}{{{VersionPart(verifiedVersion)}}}]}""";

    private static string VersionPart(string? verifiedVersion) =>
        verifiedVersion is null ? string.Empty : ",{\"name\":\"verifiedVersion\",\"valueString\":\"" + verifiedVersion + "\"}";

    public static string LaunchBody(string? token) => token is null
        ? """{"resourceType":"Parameters","parameter":[{"name":"originFeature","valueString":"patient-banner"}]}"""
        : $$$"""{"resourceType":"Parameters","parameter":[{"name":"selectionToken","valueString":"{{{token}}}"},{"name":"encounter","valueString":"ENC-1"},{"name":"originFeature","valueString":"patient-banner"}]}""";

    public Task<Answer> SelectAsync(string nhsNumber, bool confirmed = true, string? verifiedVersion = null) =>
        PostAsync("fhir/Patient/$select", SelectBody(nhsNumber, confirmed, verifiedVersion));

    /// <summary>Selects and returns the token, failing the test if the selection is refused.</summary>
    public async Task<string> SelectTokenAsync(string nhsNumber)
    {
        var answer = await SelectAsync(nhsNumber);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Value("selectionToken")!;
    }

    public Task<Answer> LaunchAsync(string? token) => PostAsync("fhir/Patient/$ncrs-launch", LaunchBody(token));

    public Task<Answer> VerifyAsync(string body) => PostAsync("fhir/Patient/$verify", body);

    public async Task<Answer> PostAsync(string path, string body)
    {
        using var response = await _http.PostAsync(path, Fhir(body));
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter?.Delta);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A response: status, raw body, and its FHIR resource.</summary>
    internal sealed record Answer(HttpStatusCode Status, string Json, TimeSpan? RetryAfter = null)
    {
        public Resource Resource => JsonSerializer.Deserialize<Resource>(Json, FhirJson.Options)!;

        public string? Value(string name) => (Resource as Parameters)?.Parameter.FirstOrDefault(p => p.Name == name)?.Value switch
        {
            FhirString s => s.Value,
            FhirUrl u => u.Value,
            Id i => i.Value,
            Identifier id => id.Value,
            ResourceReference r => r.Reference,
            var other => other?.ToString(),
        };

        /// <summary>The taxonomy code of an OperationOutcome answer.</summary>
        public string? ErrorCode => (Resource as OperationOutcome)?.Issue.FirstOrDefault()?.Details?.Coding.FirstOrDefault()?.Code;

        /// <summary>The sentence an OperationOutcome answer gives the clinician.</summary>
        public string? ErrorText => (Resource as OperationOutcome)?.Issue.FirstOrDefault()?.Details?.Text;
    }
}
