using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Audit.AspNetCore.Tests;

public sealed class AuditEventMapperTests
{
    private static readonly AuditRecord Row = new(
        Guid.Parse("0190f0a0-0000-7000-8000-000000000001"),
        new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero),
        AuditActions.PatientRead,
        AuditOutcome.Success,
        null,
        null,
        "user-1",
        "clinician auditor",
        "A81001",
        "ws-7",
        "client-app",
        "summary-view",
        "enc-42",
        Nhs("9000000009"),
        "corr-1",
        "GET 200");

    [Fact]
    public void ToFhir_Row_IsAPatientRecordEventWithTheActionAsSubtype()
    {
        var e = AuditEventMapper.ToFhir(Row, isQuery: false);

        Assert.Equal(Row.Id.ToString(), e.Id);
        Assert.Equal("110110", e.Type.Code);
        Assert.Equal(AuditEventMapper.ActionSystem, e.Subtype.Single().System);
        Assert.Equal(AuditActions.PatientRead, e.Subtype.Single().Code);
        Assert.Equal(Row.Recorded, e.Recorded);
    }

    [Theory]
    [InlineData(false, AuditEvent.AuditEventAction.R)]
    [InlineData(true, AuditEvent.AuditEventAction.E)]
    public void ToFhir_Action_ReadsAreReadAndQueriesAreExecute(bool isQuery, AuditEvent.AuditEventAction expected)
    {
        Assert.Equal(expected, AuditEventMapper.ToFhir(Row, isQuery).Action);
    }

    [Theory]
    [InlineData(AuditOutcome.Success, null, AuditEvent.AuditEventOutcome.N0)]
    [InlineData(AuditOutcome.Failure, FailureCategory.UserError, AuditEvent.AuditEventOutcome.N4)]
    [InlineData(AuditOutcome.Failure, FailureCategory.AccessRefused, AuditEvent.AuditEventOutcome.N4)]
    [InlineData(AuditOutcome.Failure, FailureCategory.TechnicalError, AuditEvent.AuditEventOutcome.N8)]
    [InlineData(AuditOutcome.Failure, FailureCategory.UpstreamUnavailable, AuditEvent.AuditEventOutcome.N8)]
    [InlineData(AuditOutcome.Failure, null, AuditEvent.AuditEventOutcome.N4)]
    public void Outcome_FailureCategory_MapsToTheFhirOutcomeCode(AuditOutcome outcome, FailureCategory? category, AuditEvent.AuditEventOutcome expected)
    {
        Assert.Equal(expected, AuditEventMapper.Outcome(Row with { Outcome = outcome, FailureCategory = category }));
    }

    [Fact]
    public void ToFhir_User_IsTheRequestorWithOneRolePerTokenRoleAndTheWorkstation()
    {
        var user = AuditEventMapper.ToFhir(Row, isQuery: false).Agent.Single(a => a.Requestor == true);

        Assert.Equal("user-1", user.Who.Identifier.Value);
        Assert.Equal(AuditEventMapper.UserSystem, user.Who.Identifier.System);
        Assert.Equal(["clinician", "auditor"], user.Role.Select(r => r.Coding.Single().Code));
        Assert.Equal("ws-7", user.Network.Address);
    }

    [Fact]
    public void ToFhir_OrganisationAndClientApp_AreFurtherAgents()
    {
        var others = AuditEventMapper.ToFhir(Row, isQuery: false).Agent.Where(a => a.Requestor == false).Select(a => a.Who.Identifier).ToList();

        Assert.Contains(others, i => i.System == IdentifierSystems.OdsOrganizationCode && i.Value == "A81001");
        Assert.Contains(others, i => i.System == AuditEventMapper.ClientSystem && i.Value == "client-app");
    }

    [Fact]
    public void ToFhir_AnonymousRowWithoutOrganisationOrClient_HasOnlyTheAnonymousUser()
    {
        var e = AuditEventMapper.ToFhir(Row with { UserId = null, UserRole = null, OrganisationOds = null, ClientApp = null, WorkstationId = null }, isQuery: false);

        var user = Assert.Single(e.Agent);
        Assert.Equal("anonymous", user.Who.Identifier.Value);
        Assert.Empty(user.Role);
        Assert.Null(user.Network);
    }

    [Fact]
    public void ToFhir_Patient_IsAPersonEntityByNhsNumber()
    {
        var patient = AuditEventMapper.ToFhir(Row, isQuery: false).Entity.Single(x => x.Role?.Code == "1");

        Assert.Equal(NhsNumber.System, patient.What.Identifier.System);
        Assert.Equal("9000000009", patient.What.Identifier.Value);
    }

    [Fact]
    public void ToFhir_RowNamingSeveralPatients_HasOnePatientEntityEachInOrder()
    {
        var e = AuditEventMapper.ToFhir(Row with { OtherPatients = [Nhs("9000000017"), Nhs("9000000025")] }, isQuery: true);

        var patients = e.Entity.Where(x => x.Role?.Code == "1").Select(x => x.What.Identifier.Value).ToList();
        Assert.Equal(["9000000009", "9000000017", "9000000025"], patients);
    }

    [Fact]
    public void ToFhir_NoPatient_HasOnlyTheRequestEntity()
    {
        var entity = Assert.Single(AuditEventMapper.ToFhir(Row with { Patient = null }, isQuery: false).Entity);

        Assert.Equal("request", entity.Name);
    }

    [Fact]
    public void ToFhir_RequestContext_IsCarriedAsEntityDetails()
    {
        var row = Row with { Outcome = AuditOutcome.Failure, FailureCategory = FailureCategory.UpstreamUnavailable, FailureCode = "upstream-unavailable" };

        var details = AuditEventMapper.ToFhir(row, isQuery: false).Entity.Single(x => x.Name == "request").Detail
            .ToDictionary(d => d.Type!, d => ((FhirString)d.Value).Value!);

        Assert.Equal("corr-1", details["correlation-id"]);
        Assert.Equal("summary-view", details["origin-feature"]);
        Assert.Equal("enc-42", details["encounter-id"]);
        Assert.Equal("upstream-unavailable", details["failure-category"]);
        Assert.Equal("GET 200", details["detail"]);
    }

    [Fact]
    public void ToFhir_MissingOptionalContext_AddsNoEmptyDetails()
    {
        var e = AuditEventMapper.ToFhir(Row with { OriginFeature = null, EncounterId = null, Detail = null }, isQuery: false);

        Assert.Equal(["correlation-id"], e.Entity.Single(x => x.Name == "request").Detail.Select(d => d.Type));
    }

    [Theory]
    [InlineData(FailureCategory.UserError, "user-error")]
    [InlineData(FailureCategory.TechnicalError, "technical-error")]
    [InlineData(FailureCategory.UpstreamUnavailable, "upstream-unavailable")]
    [InlineData(FailureCategory.AccessRefused, "access-refused")]
    public void CategoryCode_EachCategory_HasItsOwnCode(FailureCategory category, string code)
    {
        Assert.Equal(code, AuditEventMapper.CategoryCode(category));
    }

    private static NhsNumber Nhs(string value) => NhsNumber.TryParse(value, out var n) ? n : throw new ArgumentException(value);
}
