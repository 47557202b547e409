using NcrsGateway.Core;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>The public port over the selection store: other features cancel a patient's open selections through it.</summary>
internal sealed partial class PatientSelections(ISelectionStore store, ILogger<PatientSelections> logger) : IPatientSelections
{
    public async Task<int> CancelOpenSelectionsAsync(NhsNumber patient, CancellationToken cancellationToken)
    {
        var cancelled = await store.CancelForPatientAsync(patient.Value, cancellationToken).ConfigureAwait(false);
        LogCancelled(logger, cancelled);
        return cancelled;
    }

    [LoggerMessage(EventId = 1420, Level = LogLevel.Information, Message = "Open patient selections cancelled after a national change: {Count}")]
    private static partial void LogCancelled(ILogger logger, int count);
}
