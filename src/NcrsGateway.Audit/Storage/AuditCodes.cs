using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Audit.Storage;

/// <summary>The text stored for outcomes and failure categories. Stable: existing rows depend on it.</summary>
internal static class AuditCodes
{
    public static string Of(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Success => "success",
        AuditOutcome.Failure => "failure",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static string Of(FailureCategory category) => category switch
    {
        FailureCategory.UserError => "user-error",
        FailureCategory.TechnicalError => "technical-error",
        FailureCategory.UpstreamUnavailable => "upstream-unavailable",
        FailureCategory.AccessRefused => "access-refused",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static AuditOutcome Outcome(string code) => code switch
    {
        "success" => AuditOutcome.Success,
        "failure" => AuditOutcome.Failure,
        _ => throw new FormatException($"Unknown audit outcome '{code}'."),
    };

    public static FailureCategory Category(string code) => code switch
    {
        "user-error" => FailureCategory.UserError,
        "technical-error" => FailureCategory.TechnicalError,
        "upstream-unavailable" => FailureCategory.UpstreamUnavailable,
        "access-refused" => FailureCategory.AccessRefused,
        _ => throw new FormatException($"Unknown failure category '{code}'."),
    };
}
