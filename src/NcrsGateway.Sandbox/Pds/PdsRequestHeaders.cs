using WireMock;

namespace NcrsGateway.Sandbox.Pds;

/// <summary>The header rules PDS applies before looking at the resource.</summary>
internal static class PdsRequestHeaders
{
    public const string RequestId = "X-Request-ID";
    public const string CorrelationId = "X-Correlation-ID";
    public const string Authorization = "Authorization";

    /// <summary>
    /// A 401 when there is no bearer token (the API gateway answers before PDS sees the request),
    /// else a 400 when X-Request-ID is missing or not a UUID; null when the request may proceed.
    /// </summary>
    public static PdsResult? Reject(IRequestMessage request)
    {
        var authorization = Get(request, Authorization);
        if (authorization is null
            || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(authorization["Bearer ".Length..]))
        {
            return PdsResponses.AccessDenied();
        }

        var requestId = Get(request, RequestId);
        if (string.IsNullOrEmpty(requestId))
        {
            return PdsResponses.MissingValue($"Invalid request with error - {RequestId} header must be supplied to access this resource");
        }

        return Guid.TryParseExact(requestId, "D", out _)
            ? null
            : PdsResponses.InvalidValue($"Invalid value - '{requestId}' in header '{RequestId}'");
    }

    public static string? Get(IRequestMessage request, string name) =>
        request.Headers?
            .FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
            .Value?
            .FirstOrDefault();
}
