namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>Where a stored selection is in its one-way life: active → used, or active → superseded.</summary>
internal enum SelectionState
{
    Active,
    Used,
    Superseded,
}
