namespace NcrsGateway.Core.Model;

/// <summary>Who wrote the record a pointer locates: an ODS code when given, otherwise a display name.</summary>
public sealed record PointerAuthor(string? OdsCode, string? Display);
