namespace NcrsGateway.Caching;

/// <summary>Outcome of asking Redis for a key's single-flight lock.</summary>
internal enum LockResult
{
    Acquired,
    HeldElsewhere,
    Unavailable,
}
