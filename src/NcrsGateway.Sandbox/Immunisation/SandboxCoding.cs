namespace NcrsGateway.Sandbox.Immunisation;

/// <summary>A SNOMED CT code and its display, as the sandbox writes it.</summary>
internal sealed record SandboxCoding(string Code, string Display);
