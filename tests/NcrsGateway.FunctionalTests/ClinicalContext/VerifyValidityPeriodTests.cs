using System.Globalization;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Tests.Common;
using WireMock.ResponseBuilders;
using static NcrsGateway.FunctionalTests.Examples.NhsExamples;

namespace NcrsGateway.FunctionalTests.ClinicalContext;

/// <summary>
/// <c>$verify</c> against NHS's example Patient (WireMock PDS): a national name, address or GP registration whose
/// validity period has ended is never compared as the current value.
/// </summary>
public sealed class VerifyValidityPeriodTests : IAsyncLifetime
{
    private readonly PdsUpstream _pds = new();
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = _pds.Settings();
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:05";
        settings["Adapters:Pds:TotalTimeout"] = "00:00:08";
        _host = await GatewayHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _pds.Dispose();
    }

    [Fact]
    public async Task Verify_NationalNameAddressAndGpWhosePeriodHasEnded_AreNotTakenForCurrent()
    {
        var fields = await VerifyWithPeriodsEndingAsync(DateTime.UtcNow.AddDays(-2));

        Assert.Equal(("missing-nationally", null), fields["address.postalCode"]);
        Assert.Equal(("missing-nationally", null), fields["generalPractitioner"]);
        Assert.Equal(("missing-nationally", null), fields["name.family"]);
    }

    [Fact]
    public async Task Verify_NationalNameAddressAndGpStillInTheirPeriod_AreCompared()
    {
        var fields = await VerifyWithPeriodsEndingAsync(DateTime.UtcNow.AddDays(2));

        Assert.Equal(("match", "LS1 6AE"), fields["address.postalCode"]);
        Assert.Equal(("match", "Y12345"), fields["generalPractitioner"]);
        Assert.Equal(("match", "Smith"), fields["name.family"]);
    }

    private async Task<Dictionary<string, (string Status, string? National)>> VerifyWithPeriodsEndingAsync(DateTime end)
    {
        var wire = Load("pds", "Patient_9000000009.json");
        var day = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var period in new[] { wire["name"]![0]!["period"], wire["address"]![0]!["period"], wire["address"]![1]!["period"], wire["generalPractitioner"]![0]!["identifier"]!["period"] })
        {
            period!["end"] = day;
        }

        _pds.Server.Given(_pds.ReadOf("9000000009")).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/fhir+json").WithBody(wire.ToJsonString()));
        var local = new Patient
        {
            Identifier = [new Identifier(NhsNumber.System, "9000000009")],
            Name = [new HumanName { Use = HumanName.NameUse.Usual, Family = "Smith", Given = ["Jane"] }],
            BirthDate = "2010-10-22",
            Address = [new Address { Use = Address.AddressUse.Home, PostalCode = "LS1 6AE" }],
            GeneralPractitioner = [new ResourceReference { Identifier = new Identifier("https://fhir.nhs.uk/Id/ods-organization-code", "Y12345") }],
        };

        using var clinician = new ClinicalContextClient(_host, TestTokens.Clinician, "ws-verify");
        var answer = await clinician.VerifyAsync(ClinicalContextClient.Body(local));

        var parameters = Assert.IsType<Parameters>(answer.Resource);
        return parameters.Parameter.Where(p => p.Name == "field").ToDictionary(
            p => ((Code)p.Part.Single(x => x.Name == "field").Value!).Value!,
            p => (((Coding)p.Part.Single(x => x.Name == "status").Value!).Code!, (p.Part.SingleOrDefault(x => x.Name == "nationalValue")?.Value as FhirString)?.Value));
    }
}
