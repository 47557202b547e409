using System.Globalization;

namespace NcrsGateway.Sandbox.Nrl;

/// <summary>The in-memory pointer store behind <see cref="NrlSimulator"/>.</summary>
internal static class NrlSandboxData
{
    private static readonly DateTimeOffset Base = new(2025, 3, 14, 10, 30, 0, TimeSpan.Zero);

    public static IReadOnlyList<SandboxPointer> All { get; } = Build();

    public static IReadOnlyList<SandboxPointer> ForPatient(string nhsNumber) =>
        All.Where(p => p.Patient == nhsNumber).ToList();

    public static bool KnowsPatient(string nhsNumber) => All.Any(p => p.Patient == nhsNumber);

    public static SandboxPointer? Find(string id) => All.FirstOrDefault(p => p.Id == id);

    private static List<SandboxPointer> Build()
    {
        const string p1 = NrlSandboxPointers.PatientWithPointers;
        const string p2 = NrlSandboxPointers.PatientWithTwoPointers;
        var care = SandboxCode.CarePlan;
        var list = new List<SandboxPointer>
        {
            new(NrlSandboxPointers.CrisisPlanId, p1, SandboxCode.MentalHealthCrisisPlan, care, "XSB01", SandboxDocuments.PdfPath, SandboxDocuments.PdfContentType, Base),
            new(NrlSandboxPointers.EndOfLifeSummaryId, p1, SandboxCode.EndOfLifeCoordinationSummary, care, "XSB02", SandboxDocuments.BundlePath, SandboxDocuments.BundleContentType, Base.AddDays(-2)),
            new(NrlSandboxPointers.RespectId, p1, SandboxCode.Respect, care, "XSB03", SandboxDocuments.LargePdfPath, SandboxDocuments.LargePdfContentType, Base.AddDays(-5)),
            new(NrlSandboxPointers.SspPointerId, p1, SandboxCode.EmergencyHealthCarePlan, care, "XSB01", SandboxDocuments.PdfPath, SandboxDocuments.PdfContentType, Base.AddDays(-7), ViaSpineSecureProxy: true),
            new(NrlSandboxPointers.SupersededId, p1, SandboxCode.AdvanceCarePlan, care, "XSB02", SandboxDocuments.PdfPath, SandboxDocuments.PdfContentType, Base.AddDays(-30)),
            new(NrlSandboxPointers.ReplacementId, p1, SandboxCode.AdvanceCarePlan, care, "XSB02", SandboxDocuments.PdfPath, SandboxDocuments.PdfContentType, Base.AddDays(-1), Replaces: NrlSandboxPointers.SupersededId),
            new(NrlSandboxPointers.MalformedId, p1, SandboxCode.ContingencyPlan, care, CustodianOds: null, SandboxDocuments.PdfPath, SandboxDocuments.PdfContentType, Base.AddDays(-3)),
            new(NrlSandboxPointers.SecondPatientCrisisPlanId, p2, SandboxCode.MentalHealthCrisisPlan, care, "XSB01", SandboxDocuments.PdfPath, SandboxDocuments.PdfContentType, Base.AddDays(-4)),
            new(NrlSandboxPointers.SecondPatientEndOfLifeId, p2, SandboxCode.EndOfLifeCoordinationSummary, care, "XSB02", SandboxDocuments.BundlePath, SandboxDocuments.BundleContentType, Base.AddDays(-6)),
        };

        SandboxCode[] rotation = [SandboxCode.MentalHealthCrisisPlan, SandboxCode.EndOfLifeCoordinationSummary, SandboxCode.Respect, SandboxCode.AdvanceCarePlan];
        for (var i = 0; i < NrlSandboxPointers.ManyPointersCount; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"XSB05-00000000-0000-4000-8000-{i:D12}");
            list.Add(new(id, NrlSandboxPointers.PatientWithManyPointers, rotation[i % rotation.Length], care, "XSB05",
                SandboxDocuments.PdfPath, SandboxDocuments.PdfContentType, Base.AddHours(-i)));
        }

        return list;
    }
}
