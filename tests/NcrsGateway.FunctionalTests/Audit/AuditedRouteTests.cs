using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Audit.AspNetCore;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Fhir;
using NcrsGateway.FunctionalTests.ClinicalContext;
using NcrsGateway.Sandbox;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Audit;

/// <summary>
/// Issue 14 item 2: every audited route, taken from the actions the mapped endpoints declare (so a new route without a
/// scenario here fails), is called once; its audit row must name the user who called and every patient the request and
/// the response named: no more, no fewer.
/// </summary>
public sealed class AuditedRouteTests(ClinicalContextHost fixture) : IClassFixture<ClinicalContextHost>
{
    private const string Demographic = "fhir/Patient?family=Ashworth&birthdate=ge1960-01-01&birthdate=le2000-12-31";

    [Fact]
    public async Task EveryAuditedRoute_RowNamesTheCallerAndEveryPatientTheResponseNamed()
    {
        var workstation = "ws-walk-" + Guid.NewGuid().ToString("N")[..8];
        var declared = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<AuditedAction>()?.Action)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        using var clinician = new ClinicalContextClient(fixture.Host, TestTokens.Clinician, workstation);
        using var reader = fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Clinician, workstation));
        using var auditor = fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Auditor, workstation));
        string? selectionToken = null;

        var scenarios = new Dictionary<string, Func<Task<Called>>>(StringComparer.Ordinal)
        {
            [AuditActions.PatientRead] = () => GetAsync(reader, $"fhir/Patient/{SandboxPatients.SupersededOld}", SandboxPatients.SupersededOld), // answers with the current number too
            [AuditActions.PatientSearch] = () => GetAsync(reader, Demographic),
            [AuditActions.PatientVerify] = async () =>
            {
                var local = new Patient { Identifier = [new Identifier(NhsNumber.System, SandboxPatients.Minimal)], Name = [new HumanName { Family = "Minimal" }] };
                return Called.From(await clinician.VerifyAsync(ClinicalContextClient.Body(local)), SandboxPatients.Minimal);
            },
            [AuditActions.PatientSelect] = async () =>
            {
                var answer = await clinician.SelectAsync(SandboxPatients.Search);
                selectionToken = answer.Value("selectionToken");
                return Called.From(answer, SandboxPatients.Search);
            },
            [AuditActions.NcrsLaunch] = async () => Called.From(await clinician.LaunchAsync(selectionToken ?? throw new InvalidOperationException("select runs first"))),
            [AuditActions.PointerSearch] = () => GetAsync(reader, $"fhir/DocumentReference?patient:identifier={NhsNumber.System}|{NrlSandboxPointers.PatientWithPointers}", NrlSandboxPointers.PatientWithPointers),
            [AuditActions.PointerRead] = () => GetAsync(reader, $"fhir/DocumentReference/{NrlSandboxPointers.CrisisPlanId}"),
            [AuditActions.DocumentRetrieve] = () => GetAsync(reader, $"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}", NrlSandboxPointers.PatientWithPointers), // raw document: the pointer's subject
            [AuditActions.ImmunisationSearch] = () => GetAsync(reader, $"fhir/Immunization?patient.identifier={NhsNumber.System}|{SandboxPatients.Search}&-immunization.target=MMR", SandboxPatients.Search),
            [AuditActions.AuditSearch] = () => GetAsync(auditor, $"fhir/AuditEvent?patient={SandboxPatients.Deceased}&_count=1", SandboxPatients.Deceased), // the criterion, not the rows it returns
            [AuditActions.AuditRead] = async () =>
            {
                using var finder = fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Auditor, "ws-" + Guid.NewGuid().ToString("N")[..8])); // its search row is not this workstation's
                using var found = await finder.GetAsync("fhir/AuditEvent?_count=1");
                var entry = Assert.IsType<Bundle>(JsonSerializer.Deserialize<Resource>(await found.Content.ReadAsStringAsync(), FhirJson.Options)).Entry[0];
                return await GetAsync(auditor, entry.FullUrl); // names no patient: like audit-search, not the row's patients
            },
        };
        var order = new[] { AuditActions.PatientSelect, AuditActions.NcrsLaunch };

        Assert.Empty(declared.Except(scenarios.Keys)); // a new audited route needs its scenario here
        var calls = new Dictionary<string, Called>(StringComparer.Ordinal);
        foreach (var action in order.Concat(declared.Except(order).Order(StringComparer.Ordinal)))
        {
            calls[action] = await scenarios[action]();
        }

        Assert.Equal(2, calls[AuditActions.PatientSearch].Patients.Count); // the search returned several patients
        Assert.Equal([SandboxPatients.Search, SandboxPatients.SupersededOld], calls[AuditActions.PatientRead].Patients.Order(StringComparer.Ordinal));
        foreach (var (action, called) in calls)
        {
            var row = Assert.Single(fixture.Audit.Records, r => r.WorkstationId == workstation && r.Action == action);
            Assert.True(called.Status is HttpStatusCode.OK, $"{action}: {called.Status}");
            Assert.Equal(action is AuditActions.AuditSearch or AuditActions.AuditRead ? TestTokens.Auditor.UserId : TestTokens.Clinician.UserId, row.UserId);
            Assert.Equal(called.Patients.Order(StringComparer.Ordinal), row.Patients.Select(p => p.Value).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task SupersededRead_ServedFromTheCache_RowStillNamesTheCurrentRecord()
    {
        var workstation = "ws-hit-" + Guid.NewGuid().ToString("N")[..8];
        using var reader = fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Clinician, workstation));
        var path = $"fhir/Patient/{SandboxPatients.SupersededOld}";
        using (var warm = await reader.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        using var hit = await reader.GetAsync(path);

        Assert.Equal("HIT", hit.Headers.GetValues("X-Cache").Single());
        var rows = fixture.Audit.Records.Where(r => r.WorkstationId == workstation && r.Action == AuditActions.PatientRead).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(
            [SandboxPatients.Search, SandboxPatients.SupersededOld],
            row.Patients.Select(p => p.Value).Order(StringComparer.Ordinal)));
    }

    private static async Task<Called> GetAsync(HttpClient client, string path, params string[] requested)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var named = response.Content.Headers.ContentType?.MediaType?.Contains("fhir", StringComparison.Ordinal) == true
            ? Named(JsonSerializer.Deserialize<Resource>(body, FhirJson.Options))
            : [];
        return new Called(response.StatusCode, [.. requested.Concat(named).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The NHS numbers a response names: current identifiers of Patients and the record a superseded one is replaced by, pointer subjects, immunisation patients, Parameters identifiers.</summary>
    private static IEnumerable<string> Named(Resource? resource) => resource switch
    {
        Bundle bundle => bundle.Entry.SelectMany(e => Named(e.Resource)),
        Patient patient => patient.Identifier.Where(i => i.System == NhsNumber.System && i.Use != Identifier.IdentifierUse.Old).Select(i => i.Value ?? string.Empty)
            .Concat(patient.Link.Where(l => l.Type == Patient.LinkType.ReplacedBy).Select(l => l.Other.Reference["Patient/".Length..])), // a superseded read names the current record by its link
        DocumentReference pointer => [pointer.Subject.Identifier.Value ?? string.Empty],
        Immunization immunization => [immunization.Patient.Identifier.Value ?? string.Empty],
        Parameters parameters => parameters.Parameter.Select(p => p.Value).OfType<Identifier>().Where(i => i.System == NhsNumber.System).Select(i => i.Value ?? string.Empty),
        _ => [],
    };

    private sealed record Called(HttpStatusCode Status, IReadOnlyList<string> Patients)
    {
        public static Called From(ClinicalContextClient.Answer answer, params string[] requested) =>
            new(answer.Status, [.. requested.Concat(Named(answer.Resource)).Distinct(StringComparer.Ordinal)]);
    }
}
