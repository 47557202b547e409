namespace NcrsGateway.Sandbox.Immunisation;

/// <summary>A vaccine type the sandbox knows: its API target code, the vaccine it records and the diseases it protects against.</summary>
internal sealed record SandboxVaccine(string TargetCode, SandboxCoding Vaccine, IReadOnlyList<SandboxCoding> TargetDiseases);
