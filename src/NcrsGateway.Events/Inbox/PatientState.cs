namespace NcrsGateway.Events.Inbox;

/// <summary>
/// What the gateway last did for one patient (by keyed hash): when it last acted on their events, and the highest
/// record version those events named. An event received before that action, or naming an older or equal version,
/// is already covered: it never triggers a second re-fetch and never makes anything older.
/// </summary>
internal sealed record PatientState(DateTimeOffset Refreshed, long? VersionId);
