using System.Text.Json;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Fhir;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.Tests.Common;

/// <summary>A bare WireMock PDS for fault tests: each test scripts exactly what the national API does.</summary>
public sealed class PdsUpstream : IDisposable
{
    public PdsUpstream() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public string BaseUrl => Server.Url + UpstreamPaths.Pds;

    public int Calls => Server.LogEntries.Count();

    /// <summary>Gateway settings that point the PDS adapter here with short, test-friendly timings.</summary>
    public Dictionary<string, string?> Settings(int maxRetries = 2) => new()
    {
        ["Adapters:Pds:BaseUrl"] = BaseUrl,
        ["Adapters:Pds:AccessToken"] = "test-token",
        ["Adapters:Pds:AttemptTimeout"] = "00:00:01",
        ["Adapters:Pds:TotalTimeout"] = "00:00:02",
        ["Adapters:Pds:RetryBaseDelay"] = "00:00:00.010",
        ["Adapters:Pds:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public IResponseBuilder PatientResponse(string nhsNumber, string versionId = "1") =>
        Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/fhir+json")
            .WithHeader("ETag", $"W/\"{versionId}\"")
            .WithBody(JsonSerializer.Serialize(MinimalPatient(nhsNumber, versionId), FhirJson.Options));

    public static IResponseBuilder Outcome(int status, string spineCode, string issueCode = "processing") =>
        Response.Create().WithStatusCode(status)
            .WithHeader("Content-Type", "application/fhir+json")
            .WithBody($$"""
                {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"{{issueCode}}",
                 "details":{"coding":[{"system":"https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode","code":"{{spineCode}}"}]},
                 "diagnostics":"upstream internal diagnostic 0xDEADBEEF"}]}
                """);

    public IRequestBuilder ReadOf(string nhsNumber) => Request.Create().WithPath(UpstreamPaths.Pds + "Patient/" + nhsNumber).UsingGet();

    public static Patient MinimalPatient(string nhsNumber, string versionId) => new()
    {
        Id = nhsNumber,
        Meta = new Meta { VersionId = versionId },
        Identifier = [new Identifier("https://fhir.nhs.uk/Id/nhs-number", nhsNumber)],
        Name = [new HumanName { Family = "Testperson", Given = ["Alex"], Use = HumanName.NameUse.Usual }],
        Gender = AdministrativeGender.Unknown,
        BirthDate = "1970-01-01",
    };

    public void Dispose() => Server.Stop();
}
