namespace NcrsGateway.Sandbox.Immunisation;

/// <summary>
/// The sandbox's own fictional vaccination records, for some of the <see cref="SandboxPatients"/>:
/// <list type="bullet">
/// <item><see cref="SandboxPatients.Deceased"/>: COVID19 x2 and FLU, plus one malformed RSV record (no vaccine code).</item>
/// <item><see cref="SandboxPatients.Search"/>: MMR x2 and HPV.</item>
/// <item><see cref="SandboxPatients.Restricted"/>: FLU, written as the real API writes a restricted patient's record.</item>
/// <item><see cref="SandboxPatients.Minimal"/> and everyone else: none (an empty searchset).</item>
/// </list>
/// Codes are SNOMED CT; the events, organisations, batches and dates are invented.
/// </summary>
internal static class ImmunisationSandboxData
{
    /// <summary>Every target code the simulated API accepts; any other is a 400, as on the real API.</summary>
    public static readonly IReadOnlySet<string> KnownTargets = new HashSet<string>(StringComparer.Ordinal)
    {
        "COVID19", "FLU", "HPV", "MMR", "MMRV", "MENACWY", "RSV", "3IN1", "PERTUSSIS", "PNEUMOCOCCAL", "SHINGLES",
    };

    /// <summary>A target the sandbox application is not authorised for: asking for it is a 403, as on the real API.</summary>
    public const string NotPermittedTarget = "PERTUSSIS";

    private static readonly SandboxCoding LeftUpperArm = new("368208006", "Left upper arm structure");
    private static readonly SandboxCoding RightUpperArm = new("368209003", "Right upper arm structure");
    private static readonly SandboxCoding Intramuscular = new("78421000", "Intramuscular route");
    private static readonly SandboxCoding Subcutaneous = new("34206005", "Subcutaneous route");

    private static readonly SandboxVaccine Covid = new("COVID19", new("1119349007", "SARS-CoV-2 mRNA vaccine"), [new("840539006", "COVID-19")]);
    private static readonly SandboxVaccine Flu = new("FLU", new("1181000221105", "Influenza vaccine"), [new("6142004", "Influenza")]);
    private static readonly SandboxVaccine Rsv = new("RSV", new("1303503001", "Respiratory syncytial virus vaccine"), [new("55735004", "Respiratory syncytial virus infection")]);
    private static readonly SandboxVaccine Hpv = new("HPV", new("911000221103", "Human papillomavirus vaccine"), [new("240532009", "Human papillomavirus infection")]);
    private static readonly SandboxVaccine Mmr = new("MMR", new("871831003", "Measles, mumps and rubella vaccine"),
        [new("14189004", "Measles"), new("36989005", "Mumps"), new("36653000", "Rubella")]);

    public static readonly IReadOnlyList<SandboxVaccination> All =
    [
        new("0d3c6d51-7a1e-4d35-9a51-000000000901", SandboxPatients.Deceased, Covid, "2021-01-14T10:20:00+00:00", 1, "XSB01", "Sandbox Surgery", "XSB01", "SBX-CV-0114", "2021-04-30", LeftUpperArm, Intramuscular),
        new("0d3c6d51-7a1e-4d35-9a51-000000000902", SandboxPatients.Deceased, Covid, "2021-04-08T11:05:00+01:00", 2, "XSB01", "Sandbox Surgery", "XSB01", "SBX-CV-0408", "2021-07-31", LeftUpperArm, Intramuscular),
        new("0d3c6d51-7a1e-4d35-9a51-000000000903", SandboxPatients.Deceased, Flu, "2022-10-17T09:40:00+01:00", 1, "XSB02", "Sandbox Pharmacy", "XSB02", "SBX-FL-1017", "2023-03-31", RightUpperArm, Intramuscular),
        new("0d3c6d51-7a1e-4d35-9a51-000000000904", SandboxPatients.Deceased, Rsv, "2023-09-12T14:00:00+01:00", 1, "XSB01", "Sandbox Surgery", "XSB01", null, null, null, null, Malformed: true),
        new("0d3c6d51-7a1e-4d35-9a51-000000001701", SandboxPatients.Search, Mmr, "2019-03-04T10:00:00+00:00", 1, "XSB01", "Sandbox Surgery", "XSB01", "SBX-MM-0304", "2019-09-30", LeftUpperArm, Subcutaneous),
        new("0d3c6d51-7a1e-4d35-9a51-000000001702", SandboxPatients.Search, Mmr, "2019-04-15T10:30:00+01:00", 2, "XSB01", "Sandbox Surgery", "XSB01", "SBX-MM-0415", "2019-10-31", LeftUpperArm, Subcutaneous),
        new("0d3c6d51-7a1e-4d35-9a51-000000001703", SandboxPatients.Search, Hpv, "2020-06-01", 1, "XSB03", "Sandbox Sexual Health Clinic", "XSB03", null, null, null, null),
        new("0d3c6d51-7a1e-4d35-9a51-000000002501", SandboxPatients.Restricted, Flu, "2023-10-20T16:15:00+01:00", 1, "XSB02", "Sandbox Pharmacy", "XSB02", "SBX-FL-1020", "2024-03-31", LeftUpperArm, Intramuscular, Restricted: true),
    ];
}
