using System.Text.Json.Nodes;

namespace NcrsGateway.Sandbox.Pds;

/// <summary>What a simulated PDS interaction answers, before headers are added.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Body">A Patient, Bundle or OperationOutcome.</param>
/// <param name="VersionId">Set for a single Patient: becomes <c>ETag: W/"n"</c>.</param>
internal sealed record PdsResult(int StatusCode, JsonNode Body, string? VersionId = null);
