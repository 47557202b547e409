namespace NcrsGateway.Core.Errors;

/// <summary>The audit taxonomy every failure falls into.</summary>
public enum FailureCategory
{
    UserError,
    TechnicalError,
    UpstreamUnavailable,
    AccessRefused,
}
