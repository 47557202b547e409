using NcrsGateway.Fhir;
using NcrsGateway.Correlation;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>
/// Caller-declared context for the audit row: <c>X-Origin-Feature</c> (which feature of the calling system)
/// and <c>X-Encounter-ID</c>. Each is 1–64 letters, digits or <c>- _ . :</c>; anything else is not recorded.
/// </summary>
internal static class AuditHeaders
{
    public const int MaxLength = 64;

    public static string? Read(HttpContext http, string name, out bool invalid)
    {
        invalid = false;
        var values = http.Request.Headers[name];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count == 1 && values[0] is { } value && IsValid(value))
        {
            return value;
        }

        invalid = true;
        return null;
    }

    public static bool IsValid(string value) => Fhir.SafeToken.IsValid(value, MaxLength);
}
