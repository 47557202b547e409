namespace NcrsGateway.Sandbox.Tokens;

/// <summary>
/// The demo users of <c>POST /sandbox/token</c>: two clinicians (to show a shared workstation), a reader
/// who cannot launch NCRS, an auditor who can only search the audit trail of the demo organisation, a national
/// auditor who can search every organisation's, an operator who can only list and reprocess national change events, and
/// a support engineer who reads request timelines (<c>/ops</c>).
/// </summary>
public static class SandboxUsers
{
    public const string DemoOds = "Y12345";

    public static readonly SandboxUser Clinician = new("demo-clinician", "555000000011", "clinician", DemoOds, "Dr Demo Clinician");

    public static readonly SandboxUser SecondClinician = new("demo-clinician-2", "555000000028", "clinician", DemoOds, "Nurse Demo Second");

    public static readonly SandboxUser Reader = new("demo-reader", "555000000035", "reader", DemoOds, "Demo Reader (admin staff)");

    public static readonly SandboxUser Auditor = new("demo-auditor", "555000000042", "auditor", DemoOds, "Demo Auditor");

    public static readonly SandboxUser NationalAuditor = new("demo-national-auditor", "555000000059", "national-auditor", DemoOds, "Demo National Auditor");

    public static readonly SandboxUser Ops = new("demo-ops", "555000000066", "ops", DemoOds, "Demo Operator");

    public static readonly SandboxUser Support = new("demo-support", "555000000073", "support", DemoOds, "Demo Support Engineer");

    public static IReadOnlyList<SandboxUser> All { get; } = [Clinician, SecondClinician, Reader, Auditor, NationalAuditor, Ops, Support];

    public static SandboxUser? Find(string? name) =>
        All.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
}
