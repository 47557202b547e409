using NcrsGateway.Core;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>What an endpoint tells the audit middleware about the current request (a request feature).</summary>
public sealed class AuditContext : Fhir.IOperationOutcomeFeature
{
    /// <summary>The patient the request is about, once the endpoint has a valid NHS number.</summary>
    public NhsNumber? Patient { get; set; }

    /// <summary>The taxonomy error written as this request's OperationOutcome, when one was.</summary>
    public GatewayError? Error { get; set; }

    /// <summary>Set by an endpoint that records its own row (e.g. a launch with Committed durability): the middleware then records none.</summary>
    public bool RecordedByEndpoint { get; set; }
}
