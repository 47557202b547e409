namespace NcrsGateway.Sandbox.Pds;

/// <summary>How well one searched name matches one recorded name; the order is worst to best.</summary>
internal enum PdsNameMatch
{
    None,
    Partial,
    Exact,
}
