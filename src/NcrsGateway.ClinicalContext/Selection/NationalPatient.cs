using NcrsGateway.Core;

namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>
/// The national record behind a number given to <c>$select</c>: its current NHS number (different from the one
/// given when that was superseded by a merge) and its national version.
/// </summary>
internal sealed record NationalPatient(NhsNumber Requested, NhsNumber Current, string? Version, bool FromCache)
{
    public bool IsSuperseded => Requested != Current;
}
