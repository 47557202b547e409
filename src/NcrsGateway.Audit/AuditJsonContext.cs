using System.Text.Json.Serialization;
using NcrsGateway.Audit.Crypto;
using NcrsGateway.Audit.Storage;

namespace NcrsGateway.Audit;

/// <summary>Source-generated JSON for the journal lines and the key file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditRow))]
[JsonSerializable(typeof(AuditKeyFile.StoredKeys))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
