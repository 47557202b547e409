namespace NcrsGateway.Events.Subscriptions;

/// <summary>One create as the ledger remembers it: its business key, the hash of the request, and the first result once there is one.</summary>
internal sealed record LedgerRow(string BusinessKey, byte[] RequestHash, string State, string? UpstreamId, string? UpstreamStatus)
{
    public const string Creating = "creating";
    public const string Created = "created";
}
