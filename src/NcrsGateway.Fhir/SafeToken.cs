namespace NcrsGateway.Fhir;

/// <summary>
/// The one rule for caller-supplied identifiers that reach upstream headers, logs or the audit trail
/// (correlation ID, encounter ID, origin feature): letters, digits and <c>- _ . :</c> only, bounded length.
/// Nothing else can carry header injection, markup or free-text patient details.
/// </summary>
public static class SafeToken
{
    public static bool IsValid(string value, int maxLength)
    {
        if (value.Length == 0 || value.Length > maxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsAllowed(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':';
}
