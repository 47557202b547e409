namespace NcrsGateway.Core.Ports;

/// <summary>
/// Open patient selections (made by <c>$select</c>, not yet used by <c>$ncrs-launch</c>), as other features may act on
/// them. The events feature cancels a patient's selections when a death is notified or the NHS number changes, so the
/// clinician confirms the patient again before NCRS opens. Implemented by clinical context.
/// </summary>
public interface IPatientSelections
{
    /// <summary>
    /// Cancels every open selection of <paramref name="patient"/> on every instance (the selection store is shared):
    /// a later launch with one is refused as <c>selection-cancelled</c>. Returns how many were cancelled.
    /// </summary>
    Task<int> CancelOpenSelectionsAsync(NhsNumber patient, CancellationToken cancellationToken);
}
