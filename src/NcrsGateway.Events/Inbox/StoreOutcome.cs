namespace NcrsGateway.Events.Inbox;

/// <summary>What one delivery did to the inbox: events newly stored, duplicates acknowledged, rejections recorded.</summary>
internal sealed record StoreOutcome(int Stored, int Duplicates, int Rejected);
