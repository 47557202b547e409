namespace NcrsGateway.Events.Inbox;

/// <summary>One rejected event: what could be read of it and why it was refused (never its payload).</summary>
internal sealed record RejectedRow(Guid Id, DateTimeOffset Received, string? Source, string? ExternalId, string? Type, int Position, string Format, string Reason);
