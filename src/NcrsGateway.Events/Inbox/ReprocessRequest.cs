namespace NcrsGateway.Events.Inbox;

/// <summary>Which events an operator puts back to pending: one id, a status, a received-time range, or a combination (all must match).</summary>
internal sealed record ReprocessRequest(Guid? Id, string? Status, DateTimeOffset? From, DateTimeOffset? To)
{
    public bool IsEmpty => Id is null && Status is null && From is null && To is null;
}
