using NcrsGateway.Core.Ports;

namespace NcrsGateway.RecordLocation;

/// <summary>A validated <c>GET /fhir/DocumentReference</c>: what to ask NRL, and which page of the answer to return.</summary>
/// <param name="Page">1-based page number; NRL returns every pointer unpaged, so the gateway pages itself.</param>
internal sealed record DocumentReferenceSearch(PointerSearchQuery Query, int Count, int Page);
