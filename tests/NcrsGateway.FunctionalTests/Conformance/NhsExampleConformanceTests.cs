using System.Net;
using System.Text.Json.Nodes;
using NcrsGateway.Tests.Common;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static NcrsGateway.FunctionalTests.Examples.NhsExamples;

namespace NcrsGateway.FunctionalTests.Conformance;

/// <summary>
/// NHS's own example payloads (the adapter tests' Examples folders), answered by a WireMock upstream and mapped by the
/// gateway: what comes out validates against R4 and UK Core, so a mapping that drops or mistypes an element fails here.
/// The immunisation adapter has no national example file (its tests build their payloads), so it is covered by the
/// sandbox cases in <see cref="EmittedResourceConformanceTests"/> only.
/// </summary>
[Collection(ConformanceCollection.Name)]
public sealed class NhsExampleConformanceTests(FhirValidatorFixture validator, NhsExampleGatewayFixture gateway) : IClassFixture<NhsExampleGatewayFixture>
{
    public static TheoryData<string> PdsExamples => new()
    {
        "Patient_9000000009.json", "Sensitive_Patient_9000000025.json", "Minimal_Patient_9000000033.json", "PatientSearch.json", "Sensitive_PatientSearch.json",
    };

    public static TheoryData<string> NrlExamples => new()
    {
        "Y05868-736253002-Valid.json", "Y05868-736253002-Valid-with-ssp-content.json", "RQI-736253002-Valid.json",
        "consumer-spec_read_documentreference.json", "consumer-spec_search_bundle_9000000017.json",
    };

    [Theory]
    [MemberData(nameof(PdsExamples))]
    public async Task MappedPdsExample_ValidatesAgainstR4AndUkCoreWithNoError(string file)
    {
        var wire = Load("pds", file);
        string path;
        if (Str(wire["resourceType"]) == "Bundle")
        {
            // a search answer: the gateway's demographic search passes it on as its own searchset
            gateway.Pds.Server.Given(Request.Create().WithPath(UpstreamPaths.Pds + "Patient").UsingGet()).RespondWith(Json(wire));
            path = "fhir/Patient?family=Smith&birthdate=eq2010-10-22";
        }
        else
        {
            gateway.Pds.Server.Given(gateway.Pds.ReadOf(Str(wire["id"])!)).RespondWith(Json(wire));
            path = $"fhir/Patient/{Str(wire["id"])}";
        }

        await AssertValidAsync(file, path);
    }

    [Theory]
    [MemberData(nameof(NrlExamples))]
    public async Task MappedNrlExample_ValidatesAgainstR4AndUkCoreWithNoError(string file)
    {
        var wire = Load("nrl", file);
        string path;
        if (Str(wire["resourceType"]) == "Bundle")
        {
            gateway.Nrl.Server.Given(gateway.Nrl.Search()).RespondWith(Json(wire));
            var nhsNumber = Str(wire["entry"]![0]!["resource"]!["subject"]!["identifier"]!["value"])!;
            path = $"fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{nhsNumber}";
        }
        else
        {
            gateway.Nrl.Server.Given(gateway.Nrl.ReadOf(Str(wire["id"])!)).RespondWith(Json(wire));
            path = $"fhir/DocumentReference/{Str(wire["id"])}";
        }

        await AssertValidAsync(file, path);
    }

    private async Task AssertValidAsync(string file, string path)
    {
        using var client = gateway.Host.CreateClinicianClient();
        using var response = await client.GetAsync(path);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode} {json}");

        var errors = validator.Errors(json);

        Assert.True(errors.Count == 0, $"{file}: {errors.Count} error(s){Environment.NewLine}{FhirValidatorFixture.Describe(errors)}");
    }

    private static IResponseBuilder Json(JsonObject body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/fhir+json").WithBody(body.ToJsonString());
}
