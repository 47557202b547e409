using System.Text.RegularExpressions;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.RecordLocation;

/// <summary>
/// The shape of an NRL pointer id, <c>&lt;custodian ODS&gt;-&lt;local id&gt;</c>. Checked before any upstream call, so a
/// URL or path smuggled in as an id is refused at the door.
/// </summary>
internal static partial class PointerIds
{
    // \z, not $: '$' also matches before a final newline, which let "Y05868-1%0A" through to headers and upstream.
    [GeneratedRegex(@"^[A-Z0-9]{3,10}-[A-Za-z0-9.-]{1,53}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    public static string Require(string? id) =>
        id is not null && Shape().IsMatch(id)
            ? id
            : throw new GatewayException(GatewayErrors.InvalidRequest, "The id must be a National Record Locator pointer id (<ODS code>-<local id>).");
}
