using System.Net;
using NcrsGateway.Sandbox;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Inbound;

/// <summary>
/// An unknown query parameter is refused (a dropped criterion would widen a clinical search) and its name is never
/// echoed: it may carry an NHS number, a name or markup into the OperationOutcome, which reaches logs and screens.
/// </summary>
public sealed class UnknownParameterTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    private const string Smuggled = "Ashworth9434765919<b>x</b>";

    public static readonly TheoryData<string, string, string> Routes = new()
    {
        { "fhir/Patient?family=Ashworth&birthdate=1968-04-17&", "invalid-search", "family" },
        { $"fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{SandboxPatients.Search}&_format=json&", "invalid-search", "identifier" },
        { $"fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{NrlSandboxPointers.PatientWithPointers}&", "invalid-search", "patient:identifier" },
        { $"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}?", "invalid-request", "content" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task UnknownParameter_IsRefusedWithoutEchoingItsName_AndListsTheSupportedOnes(string route, string code, string supported)
    {
        using var client = fixture.Host.CreateClinicianClient();

        using var response = await client.GetAsync(route + Uri.EscapeDataString(Smuggled) + "=1");
        var body = await response.Content.ReadAsStringAsync();

        var text = await FhirAssert.OutcomeAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Contains(supported, text, StringComparison.Ordinal);
        foreach (var leak in new[] { "9434765919", "Ashworth9434765919", "<b>", "&lt;b", "\\u003Cb" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
