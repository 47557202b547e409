namespace NcrsGateway.Sandbox.Nrl;

/// <summary>A SNOMED CT code the NRL sandbox uses for pointer types and categories.</summary>
internal sealed record SandboxCode(string Code, string Display)
{
    public static readonly SandboxCode CarePlan = new("734163000", "Care plan");
    public static readonly SandboxCode MentalHealthCrisisPlan = new("736253002", "Mental health crisis plan");
    public static readonly SandboxCode EndOfLifeCoordinationSummary = new("861421000000109", "End of life care coordination summary");
    public static readonly SandboxCode Respect = new("1382601000000107", "ReSPECT (Recommended Summary Plan for Emergency Care and Treatment) form");
    public static readonly SandboxCode EmergencyHealthCarePlan = new("887701000000100", "Emergency health care plan");
    public static readonly SandboxCode AdvanceCarePlan = new("736366004", "Advance care plan");
    public static readonly SandboxCode ContingencyPlan = new("325691000000100", "Contingency plan");
}
