using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.RecordLocation;

/// <summary>A stock Firely client searches pointers through the gateway with no custom handling.</summary>
public sealed class DocumentReferenceFhirClientTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    [Fact]
    public async Task FhirClient_SearchesPointersByPatientIdentifierAndFollowsPaging()
    {
        using var client = new FhirClient(fixture.Host.FhirBase, fixture.Host.CreateClinicianClient(), new FhirClientSettings { PreferredFormat = ResourceFormat.Json });

        var first = await client.SearchAsync<DocumentReference>(new SearchParams()
            .Add("patient:identifier", $"https://fhir.nhs.uk/Id/nhs-number|{NrlSandboxPointers.PatientWithManyPointers}")
            .LimitTo(100));
        var second = await client.ContinueAsync(first!);

        Assert.Equal(NrlSandboxPointers.ManyPointersCount, first!.Total);
        Assert.Equal(100, first.Entry.Count);
        Assert.Equal(20, second!.Entry.Count);
        Assert.All(first.Entry, e => Assert.IsType<DocumentReference>(e.Resource));
    }
}
