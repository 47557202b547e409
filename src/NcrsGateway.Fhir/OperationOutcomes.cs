using Hl7.Fhir.Model;
using NcrsGateway.Core.Errors;
using NcrsGateway.Correlation;

namespace NcrsGateway.Fhir;

/// <summary>Builds the OperationOutcome a caller sees for a taxonomy error, and writes it.</summary>
public static class OperationOutcomes
{
    public static OperationOutcome Create(GatewayError error, string? detail, string correlationId) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = Hl7.Fhir.Utility.EnumUtility.ParseLiteral<OperationOutcome.IssueType>(error.IssueType) ?? OperationOutcome.IssueType.Processing,
                Details = new CodeableConcept(GatewayErrors.CodeSystem, error.Code, detail is null ? error.Advice : $"{detail} {error.Advice}"),
                Diagnostics = $"Correlation ID: {correlationId}",
            },
        ],
    };

    /// <summary>
    /// The response for <paramref name="exception"/>. Retry-After is decided here, once for every route: the exception's
    /// own wait, else its taxonomy entry's, else (for any 503) <see cref="GatewayErrors.DefaultRetryAfter"/>.
    /// </summary>
    public static FhirResult Result(GatewayException exception, string correlationId) =>
        new(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
                Create(exception.Error, exception.Detail, correlationId), Core.Fhir.FhirJson.Options),
            exception.Error.HttpStatus)
        {
            RetryAfter = RetryAfter(exception),
        };

    /// <summary>The Retry-After a caller gets with <paramref name="exception"/>: always one on a 503.</summary>
    public static TimeSpan? RetryAfter(GatewayException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.RetryAfter
            ?? exception.Error.RetryAfter
            ?? (exception.Error.HttpStatus == StatusCodes.Status503ServiceUnavailable ? GatewayErrors.DefaultRetryAfter : null);
    }

    public static System.Threading.Tasks.Task WriteAsync(HttpContext context, GatewayException exception)
    {
        if (context.Features.Get<IOperationOutcomeFeature>() is { } written)
        {
            written.Error = exception.Error; // e.g. the audit row carries the exact taxonomy code
        }

        context.Features.Get<Core.Diagnostics.RequestTimeline>()?.SetErrorCode(exception.Error.Code);

        return Result(exception, context.CorrelationId()).ExecuteAsync(context);
    }

    /// <summary>Last resort when no <c>IExceptionHandler</c> answered.</summary>
    public static System.Threading.Tasks.Task WriteInternalErrorAsync(HttpContext context) =>
        WriteAsync(context, new GatewayException(GatewayErrors.InternalError));
}
