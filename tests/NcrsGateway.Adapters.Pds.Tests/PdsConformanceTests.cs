using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Adapters.Conformance;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Pds.Tests;

/// <summary>The adapter contract kit run against the PDS adapter: the representative request is a Patient read.</summary>
public sealed class PdsConformanceTests : AdapterConformanceTests<IDemographicsSource, PatientRecord, PdsOptions>
{
    private const string Family = "Zarquon";
    private const string Postcode = "LS1 6AE";

    protected override string AdapterKey => SourceServices.Pds;

    protected override string ConfigurationSection => PdsOptions.SectionName;

    protected override string BasePath => "/personal-demographics/FHIR/R4/";

    protected override IEnumerable<string> PatientDataOnTheWire => [ValidNhsNumber, Family, Postcode];

    protected override void AddAdapter(IServiceCollection services, IConfiguration configuration) => services.AddPdsAdapter(configuration);

    protected override Task<PatientRecord> InvokeAsync(IDemographicsSource port, string nhsNumber, RequestContext context, CancellationToken cancellationToken) =>
        port.ReadAsync(ParseNhsNumber(nhsNumber), context, cancellationToken);

    protected override string MinimalValidResponse(string nhsNumber) => $$"""
        {
          "resourceType": "Patient",
          "id": "{{nhsNumber}}",
          "meta": { "versionId": "2" },
          "identifier": [ { "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "{{nhsNumber}}" } ],
          "name": [ { "use": "usual", "family": "{{Family}}", "given": [ "Ada" ] } ],
          "gender": "female",
          "birthDate": "1980-01-01",
          "address": [ { "use": "home", "line": [ "1 Test Street" ], "postalCode": "{{Postcode}}" } ]
        }
        """;
}
