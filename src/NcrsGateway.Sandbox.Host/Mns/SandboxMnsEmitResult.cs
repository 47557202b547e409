using System.Text.Json.Serialization;

namespace NcrsGateway.Sandbox.Host.Mns;

/// <summary>What <c>POST /sandbox/mns/emit</c> answers: the event as delivered and the simulated PDS record's version now.</summary>
/// <param name="Id">The event's <c>id</c> (send it again to see a duplicate acknowledged and not stored twice).</param>
/// <param name="Source">The event's <c>source</c>.</param>
/// <param name="Type">The event's <c>type</c>.</param>
/// <param name="VersionId">The event's <c>versionid</c>, when it carried one.</param>
/// <param name="PdsVersionId">The simulated PDS record's version after the change, or null when PDS has no record for the number.</param>
/// <param name="IngestionStatus">The HTTP status the gateway's ingestion endpoint answered.</param>
internal sealed record SandboxMnsEmitResult(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("versionid")] string? VersionId,
    [property: JsonPropertyName("pdsVersionId")] string? PdsVersionId,
    [property: JsonPropertyName("ingestionStatus")] int IngestionStatus);
