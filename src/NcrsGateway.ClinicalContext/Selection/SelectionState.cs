namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>
/// Where a stored selection is in its life: pending (stored, its audit row not yet committed: never usable) → active →
/// used, active → superseded, or active → cancelled (the patient's national record changed). A launch whose audit row fails puts its used selection back to active, if nothing
/// newer came since.
/// </summary>
internal enum SelectionState
{
    Active,
    Used,
    Superseded,
    Pending,
    Cancelled,
}
