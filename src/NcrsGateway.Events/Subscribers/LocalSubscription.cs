namespace NcrsGateway.Events.Subscribers;

/// <summary>A stored local Subscription: its id, the change kinds, where signals go, the signing secret and status.</summary>
internal sealed record LocalSubscription(
    Guid Id,
    IReadOnlyList<string> Criteria,
    Uri Endpoint,
    string Secret,
    string Status,
    string? Error,
    DateTimeOffset Created)
{
    public const string Active = "active";
    public const string Errored = "error";
}
