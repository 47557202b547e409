namespace NcrsGateway.Events.Subscribers;

/// <summary>One queued signal, as claimed by a delivery worker.</summary>
internal sealed record DeliveryRow(
    Guid Id,
    Guid SubscriptionId,
    byte[] SubjectCipher,
    IReadOnlyList<string> Events,
    DateTimeOffset Created,
    int Attempts,
    Uri Endpoint,
    string Secret)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string DeadLetter = "dead-letter";
}
