using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Immunisations;

/// <summary>Without <c>Adapters:Immunisation:BaseUrl</c> the feature is absent: its route answers 404 and metadata does not list it.</summary>
public sealed class ImmunizationAbsentTests
{
    [Fact]
    public async Task NoImmunisationAdapter_SearchIs404AndMetadataDoesNotListImmunization()
    {
        using var pds = new PdsUpstream();
        await using var host = await GatewayHost.StartAsync(pds.Settings());
        using var client = host.CreateClinicianClient();

        using var search = await client.GetAsync("fhir/Immunization?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919&-immunization.target=FLU");
        var statement = await FhirAssert.ResourceAsync<CapabilityStatement>(await client.GetAsync("fhir/metadata"));

        await FhirAssert.OutcomeAsync(search, HttpStatusCode.NotFound, "not-found");
        Assert.DoesNotContain(statement.Rest[0].Resource, r => r.Type == "Immunization");
        Assert.Contains(statement.Rest[0].Resource, r => r.Type == "Patient");
    }
}
