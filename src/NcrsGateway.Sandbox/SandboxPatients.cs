namespace NcrsGateway.Sandbox;

/// <summary>
/// NHS numbers the PDS simulator knows, one per behaviour, so tests and the README name the case
/// rather than the digits. All but <see cref="BadCheckDigit"/> pass the Modulus-11 check.
/// </summary>
public static class SandboxPatients
{
    /// <summary>Full record, formally deceased (death notification status 2), as in NHS's own sandbox.</summary>
    public const string Deceased = "9000000009";

    /// <summary>Living, unrestricted full record; the patient the documented searches find.</summary>
    public const string Search = "9000000017";

    /// <summary>Restricted (confidentiality R): address, telecom, GP and contacts withheld.</summary>
    public const string Restricted = "9000000025";

    /// <summary>Identifier, name, gender and birth date only.</summary>
    public const string Minimal = "9000000033";

    /// <summary>Shares the family name of <see cref="Search"/> with a different birth date.</summary>
    public const string SameFamily = "9000000041";

    /// <summary>Merged into <see cref="Search"/>: a read returns 200 with the survivor's record and id.</summary>
    public const string SupersededOld = "9000000068";

    /// <summary>Invalidated, not superseded: a read returns 404 INVALIDATED_RESOURCE.</summary>
    public const string Invalidated = "9000000076";

    /// <summary>Deceased on an informal notification (death notification status 1).</summary>
    public const string InformallyDeceased = "9000000084";

    /// <summary>A valid NHS number with no record: a read returns 404 RESOURCE_NOT_FOUND.</summary>
    public const string NotFound = "9000000092";

    /// <summary>Ten digits with a wrong check digit: a read returns 400 INVALID_RESOURCE_ID.</summary>
    public const string BadCheckDigit = "9000000000";

    /// <summary>Family name that makes a search answer TOO_MANY_MATCHES.</summary>
    public const string TooManyMatchesFamily = "Toomany";
}
