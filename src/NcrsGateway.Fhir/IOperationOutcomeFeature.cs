using NcrsGateway.Core.Errors;

namespace NcrsGateway.Fhir;

/// <summary>
/// A request feature told which taxonomy error was written as the request's OperationOutcome (the audit middleware
/// sets one, so its row carries the exact code). The edge knows no audit: it only fills in whatever is there.
/// </summary>
public interface IOperationOutcomeFeature
{
    GatewayError? Error { get; set; }
}
