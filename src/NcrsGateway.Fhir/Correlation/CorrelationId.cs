namespace NcrsGateway.Correlation;

/// <summary>
/// Rules for a caller-supplied correlation ID: 1–128 characters of letters, digits and <c>- _ . :</c>.
/// Anything else (including CR/LF header injection) is refused rather than passed upstream.
/// </summary>
internal static class CorrelationId
{
    public const int MaxLength = 128;

    public static bool IsValid(string value) => Fhir.SafeToken.IsValid(value, MaxLength);

    public static string New() => Guid.NewGuid().ToString();
}
