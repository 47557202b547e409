namespace NcrsGateway.Events.Ingestion;

/// <summary>One delivery split into its valid events and its rejected ones, and whether it was a batch.</summary>
internal sealed record ParsedDelivery(IReadOnlyList<IncomingEvent> Accepted, IReadOnlyList<RejectedEvent> Rejected, bool IsBatch, string Format);
