namespace NcrsGateway.Adapters.Documents.Tests;

/// <summary>What a caller received from one document retrieval: the status and headers the gateway set, and the bytes.</summary>
public sealed record DeliveredDocument(int StatusCode, IHeaderDictionary Headers, byte[] Body);
