namespace NcrsGateway.Core.Ports;

/// <summary>
/// A record-locator search, already validated by the host. Empty code lists mean "any"; several codes
/// in one list are alternatives (OR). Codes are SNOMED CT.
/// </summary>
public sealed record PointerSearchQuery(
    NhsNumber NhsNumber,
    IReadOnlyList<string> TypeCodes,
    IReadOnlyList<string> CategoryCodes)
{
    public PointerSearchQuery(NhsNumber nhsNumber)
        : this(nhsNumber, [], [])
    {
    }
}
