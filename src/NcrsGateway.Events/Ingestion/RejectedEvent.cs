namespace NcrsGateway.Events.Ingestion;

/// <summary>
/// An event refused as invalid: what could be read of it (bounded, never an NHS number) and why.
/// <paramref name="Position"/> is its index in a batch or Bundle (0 for a single event).
/// </summary>
internal sealed record RejectedEvent(int Position, string? Source, string? Id, string? Type, string Reason);
