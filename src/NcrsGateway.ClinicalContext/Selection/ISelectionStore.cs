namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>
/// Where selections live between <c>$select</c> and <c>$ncrs-launch</c>: in memory for one instance, Redis when
/// configured. Every method is atomic. Losing the store only means users select again.
/// </summary>
internal interface ISelectionStore
{
    /// <summary>
    /// Stores <paramref name="selection"/> as pending: kept for <paramref name="retainFor"/>, never returned by
    /// <see cref="TakeAsync"/> and superseding nothing, until <see cref="SaveAsync"/> activates it (after its audit row is
    /// committed). A store outage shows here, before any audit row is written.
    /// </summary>
    Task StageAsync(PatientSelection selection, TimeSpan retainFor, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="selection"/> as active and, in the same step, supersedes the same user's previous
    /// selection on that workstation and, when the workstation's last user was someone else, every selection
    /// made there. <paramref name="retainFor"/> is how long the entry is kept at all.
    /// </summary>
    Task SaveAsync(PatientSelection selection, TimeSpan retainFor, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the selection as it was, and marks it used if it was active: of two concurrent takes of one
    /// token, exactly one sees <see cref="SelectionState.Active"/>. Null when the token is unknown.
    /// </summary>
    Task<StoredSelection?> TakeAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a selection <see cref="TakeAsync"/> marked used back to active, because the launch that took it could not
    /// be audited. Only while it is still its user's latest selection on that workstation and that user is still the
    /// workstation's last user; otherwise it stays used. True when it was put back.
    /// </summary>
    Task<bool> ReleaseAsync(PatientSelection selection, CancellationToken cancellationToken);

    /// <summary>
    /// Records that <paramref name="userId"/> is now using the workstation; if someone else was, every active
    /// selection made there is superseded.
    /// </summary>
    Task ObserveUserAsync(string workstationId, string userId, TimeSpan retainFor, CancellationToken cancellationToken);

    /// <summary>Marks every active selection of this patient cancelled (at once, for every instance); returns how many.</summary>
    Task<int> CancelForPatientAsync(string nhsNumber, CancellationToken cancellationToken);
}
