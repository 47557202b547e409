using System.Text.Json.Serialization;

namespace NcrsGateway.Sandbox.Host.Mns;

/// <summary>
/// A CloudEvents 1.0 event in the shape MNS delivers (the <c>-2</c> types): a thin signal naming the patient and,
/// optionally, the record version, never clinical content.
/// </summary>
internal sealed record SandboxMnsEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("time")] string Time,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("dataref")] string DataRef,
    [property: JsonPropertyName("versionid")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? VersionId);
