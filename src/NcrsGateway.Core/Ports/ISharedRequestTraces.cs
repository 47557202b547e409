namespace NcrsGateway.Core.Ports;

/// <summary>
/// The support lookup's records shared by every gateway instance (Redis), so asking any instance finds a request another
/// one served. Diagnostics, not a record: an entry may be lost or expire, and while the store is down each instance
/// answers from its own journal. Entries hold names, codes and times only, never an identifier.
/// </summary>
public interface ISharedRequestTraces
{
    /// <summary>Configured (it may still be down).</summary>
    bool IsConfigured { get; }

    /// <summary>Configured, connected and answering.</summary>
    bool IsAvailable { get; }

    /// <summary>Appends one request's record (JSON) under its correlation ID; a <paramref name="notable"/> one (slow or failed) also joins the recent list.</summary>
    Task SaveAsync(string correlationId, byte[] record, TimeSpan retention, bool notable);

    /// <summary>Every record kept under <paramref name="correlationId"/>, oldest first (empty when none).</summary>
    Task<IReadOnlyList<byte[]>> FindAsync(string correlationId);

    /// <summary>The most recent notable records, newest first.</summary>
    Task<IReadOnlyList<byte[]>> RecentAsync(int count);
}
