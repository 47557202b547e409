using NcrsGateway.Core.Errors;

namespace NcrsGateway.Fhir;

/// <summary>
/// The framework's request-body refusals (<see cref="BadHttpRequestException"/>: body over the size limit,
/// malformed chunking, a client that stopped sending) as taxonomy errors, so the caller gets an OperationOutcome
/// with the right 4xx and the audit row the right code, never a 500.
/// </summary>
public static class RequestBodyErrors
{
    public static GatewayError Of(BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => GatewayErrors.RequestTooLarge,
        >= 400 and < 500 => GatewayErrors.InvalidRequest with { HttpStatus = exception.StatusCode },
        _ => GatewayErrors.InvalidRequest,
    };

    public static GatewayException ToGatewayException(BadHttpRequestException exception) => new(Of(exception), inner: exception);
}
