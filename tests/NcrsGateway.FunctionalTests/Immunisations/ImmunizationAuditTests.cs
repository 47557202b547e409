using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Audit.AspNetCore;
using NcrsGateway.Core.Audit;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Immunisations;

/// <summary>
/// An Immunization search is clinical content about one patient: one write-ahead audit row naming the patient and the
/// action <c>immunisation-search</c>, and no vaccinations leave the gateway when that row cannot be written.
/// </summary>
public sealed class ImmunizationAuditTests : IAsyncLifetime
{
    private readonly InMemoryAuditTrail _audit = new();
    private GatewayHost? _host;

    private GatewayHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() =>
        _host = await GatewayHost.StartAsync(configure: b => b.Services.AddSingleton<IAuditTrail>(_audit));

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static string Search(string nhsNumber) =>
        $"fhir/Immunization?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{nhsNumber}&-immunization.target=MMR";

    [Fact]
    public async Task Search_IsAuditedWriteAheadWithThePatientAndTheAction()
    {
        var correlationId = Guid.NewGuid().ToString();
        using var client = Host.CreateClinicianClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Search(SandboxPatients.Search));
        request.Headers.Add("X-Correlation-ID", correlationId);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (record, durability) = Assert.Single(_audit.Rows, r => r.Record.CorrelationId == correlationId);
        Assert.Equal(AuditActions.ImmunisationSearch, record.Action);
        Assert.Equal("immunisation-search", record.Action);
        Assert.Equal(SandboxPatients.Search, record.Patient?.Value);
        Assert.Equal(AuditOutcome.Success, record.Outcome);
        Assert.Equal(AuditDurability.WriteAhead, durability);
    }

    [Fact]
    public void Search_IsDeclaredOnItsEndpointAsAQuery()
    {
        var declared = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<AuditedAction>())
            .OfType<AuditedAction>()
            .Where(a => a.Action == AuditActions.ImmunisationSearch)
            .Distinct(); // GET and POST _search are one search

        Assert.True(Assert.Single(declared).IsQuery); // a search (AuditEvent.action E), by the same rule as patient-search
    }

    [Fact]
    public async Task Search_InvalidNhsNumber_IsAuditedAsARefusalWithoutAPatient()
    {
        var correlationId = Guid.NewGuid().ToString();
        using var client = Host.CreateClinicianClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Search(SandboxPatients.BadCheckDigit));
        request.Headers.Add("X-Correlation-ID", correlationId);

        await FhirAssert.OutcomeAsync(await client.SendAsync(request), HttpStatusCode.BadRequest, "invalid-nhs-number");

        var (record, _) = Assert.Single(_audit.Rows, r => r.Record.CorrelationId == correlationId);
        Assert.Equal(AuditActions.ImmunisationSearch, record.Action);
        Assert.Null(record.Patient);
        Assert.Equal("invalid-nhs-number", record.FailureCode);
    }

    [Fact]
    public async Task Search_WhenTheAuditRowCannotBeWritten_FailsClosedWithoutVaccinations()
    {
        using var client = Host.CreateClinicianClient();
        _audit.FailWrites = true;
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(Search(SandboxPatients.Search));
        }
        finally
        {
            _audit.FailWrites = false;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            await FhirAssert.OutcomeAsync(response, HttpStatusCode.ServiceUnavailable, "audit-unavailable");
            Assert.DoesNotContain("Immunization", body, StringComparison.Ordinal);
        }
    }
}
