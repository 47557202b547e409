namespace NcrsGateway.Events.Inbox;

/// <summary>Where an inbox event is: pending (waiting or retrying), processed, ignored (a type the gateway does not act on), or dead-letter (gave up).</summary>
internal static class InboxStatus
{
    public const string Pending = "pending";
    public const string Processed = "processed";
    public const string Ignored = "ignored";
    public const string DeadLetter = "dead-letter";

    public static readonly IReadOnlyList<string> All = [Pending, Processed, Ignored, DeadLetter];
}
