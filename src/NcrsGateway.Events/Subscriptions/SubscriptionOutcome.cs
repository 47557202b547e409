namespace NcrsGateway.Events.Subscriptions;

/// <summary>What one ensure did for one event type.</summary>
/// <param name="Kind">created (this call made it upstream), adopted (found upstream after an interrupted create), replayed (the first result, no upstream call), in-progress (another instance is creating it), conflict or failed.</param>
/// <param name="UpstreamId">MNS's id for the subscription, when known.</param>
internal sealed record SubscriptionOutcome(string Kind, string? UpstreamId)
{
    public const string Created = "created";
    public const string Adopted = "adopted";
    public const string Replayed = "replayed";
    public const string InProgress = "in-progress";
    public const string Conflict = "conflict";
    public const string Failed = "failed";

    public bool IsSettled => Kind is Created or Adopted or Replayed;
}
