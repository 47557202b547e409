namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>Where a stored selection is in its one-way life: active → used, active → superseded, or active → cancelled (the patient's national record changed).</summary>
internal enum SelectionState
{
    Active,
    Used,
    Superseded,
    Cancelled,
}
