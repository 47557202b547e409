using System.Text.Json.Serialization;

namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>Source-generated JSON for selections kept in a shared store.</summary>
[JsonSerializable(typeof(PatientSelection))]
internal sealed partial class SelectionJson : JsonSerializerContext;
