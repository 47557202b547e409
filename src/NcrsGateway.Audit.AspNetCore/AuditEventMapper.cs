using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>
/// An audit row as a FHIR R4 AuditEvent: type DICOM 110110 "Patient Record", subtype the gateway action,
/// agents for the user (requestor, workstation, one role per role the token held), their organisation and the client application, the gateway
/// as source, each patient the row names as an entity (the first is the one the request was about), and the request context (correlation ID, origin feature, encounter) as
/// entity details. Outcome: success 0; user error and access refused 4; technical and upstream failures 8.
/// </summary>
internal static class AuditEventMapper
{
    public const string ActionSystem = "https://ncrs-gateway.nhs.example/fhir/CodeSystem/audit-action";
    public const string UserSystem = "https://ncrs-gateway.nhs.example/Id/user";
    public const string RoleSystem = "https://ncrs-gateway.nhs.example/fhir/CodeSystem/role";
    public const string ClientSystem = "https://ncrs-gateway.nhs.example/Id/client";
    public const string CategorySystem = "https://ncrs-gateway.nhs.example/fhir/CodeSystem/failure-category";
    public const string OdsSystem = IdentifierSystems.OdsOrganizationCode;

    /// <param name="r">The row.</param>
    /// <param name="isQuery">Whether its action is a search or operation (action E) rather than a read (R): declared by its endpoint.</param>
    public static AuditEvent ToFhir(AuditRecord r, bool isQuery) => new()
    {
        Id = r.Id.ToString(),
        Type = new Coding("http://dicom.nema.org/resources/ontology/DCM", "110110", "Patient Record"),
        Subtype = [new Coding(ActionSystem, r.Action)],
        Action = isQuery ? AuditEvent.AuditEventAction.E : AuditEvent.AuditEventAction.R,
        Recorded = r.Recorded,
        Outcome = Outcome(r),
        OutcomeDesc = r.FailureCode,
        Agent = [.. Agents(r)],
        Source = new AuditEvent.SourceComponent
        {
            Observer = new ResourceReference { Display = "NcrsGateway" },
            Type = [new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server")],
        },
        Entity = [.. Entities(r)],
    };

    public static AuditEvent.AuditEventOutcome Outcome(AuditRecord r) => r.FailureCategory switch
    {
        null when r.Outcome == AuditOutcome.Success => AuditEvent.AuditEventOutcome.N0,
        FailureCategory.TechnicalError or FailureCategory.UpstreamUnavailable => AuditEvent.AuditEventOutcome.N8,
        _ => AuditEvent.AuditEventOutcome.N4,
    };

    private static IEnumerable<AuditEvent.AgentComponent> Agents(AuditRecord r)
    {
        var user = new AuditEvent.AgentComponent
        {
            Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/extra-security-role-type", "humanuser", "human user"),
            Who = new ResourceReference { Identifier = new Identifier(UserSystem, r.UserId ?? "anonymous") },
            Requestor = true,
        };
        if (r.UserRole is not null)
        {
            user.Role = [.. r.UserRole.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(role => new CodeableConcept(RoleSystem, role))];
        }

        if (r.WorkstationId is not null)
        {
            user.Network = new AuditEvent.NetworkComponent { Address = r.WorkstationId, Type = AuditEvent.AuditEventAgentNetworkType.N1 };
        }

        yield return user;
        if (r.OrganisationOds is not null)
        {
            yield return new AuditEvent.AgentComponent
            {
                Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-RoleClass", "PROV", "healthcare provider"),
                Who = new ResourceReference { Identifier = new Identifier(OdsSystem, r.OrganisationOds) },
                Requestor = false,
            };
        }

        if (r.ClientApp is not null)
        {
            yield return new AuditEvent.AgentComponent
            {
                Type = new CodeableConcept("http://dicom.nema.org/resources/ontology/DCM", "110150", "Application"),
                Who = new ResourceReference { Identifier = new Identifier(ClientSystem, r.ClientApp) },
                Requestor = false,
            };
        }
    }

    private static IEnumerable<AuditEvent.EntityComponent> Entities(AuditRecord r)
    {
        foreach (var patient in r.Patients)
        {
            yield return new AuditEvent.EntityComponent
            {
                What = new ResourceReference { Identifier = new Identifier(NhsNumber.System, patient.Value) },
                Type = new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"),
                Role = new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"),
            };
        }

        var context = new AuditEvent.EntityComponent
        {
            Type = new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "4", "Other"),
            Name = "request",
            Detail = [Detail("correlation-id", r.CorrelationId)],
        };
        AddDetail(context, "origin-feature", r.OriginFeature);
        AddDetail(context, "encounter-id", r.EncounterId);
        AddDetail(context, "failure-category", r.FailureCategory is { } c ? CategoryCode(c) : null);
        AddDetail(context, "detail", r.Detail);
        yield return context;
    }

    public static string CategoryCode(FailureCategory category) => category switch
    {
        FailureCategory.UserError => "user-error",
        FailureCategory.TechnicalError => "technical-error",
        FailureCategory.UpstreamUnavailable => "upstream-unavailable",
        _ => "access-refused",
    };

    private static void AddDetail(AuditEvent.EntityComponent entity, string type, string? value)
    {
        if (value is not null)
        {
            entity.Detail.Add(Detail(type, value));
        }
    }

    private static AuditEvent.DetailComponent Detail(string type, string value) => new() { Type = type, Value = new FhirString(value) };
}
