namespace NcrsGateway.Sandbox.Nrl;

/// <summary>
/// The NRL sandbox's patients and pointer ids (our own invented data), for tests and demos.
/// </summary>
public static class NrlSandboxPointers
{
    /// <summary>Crisis plan (PDF), end of life summary (FHIR Bundle), ReSPECT (5 MiB PDF), an ssp:// plan,
    /// a superseded pair and one malformed pointer (no custodian).</summary>
    public const string PatientWithPointers = "9000000009";

    /// <summary>Crisis plan and end of life summary.</summary>
    public const string PatientWithTwoPointers = "9000000017";

    /// <summary><see cref="ManyPointersCount"/> pointers in one unpaged result.</summary>
    public const string PatientWithManyPointers = "9000000033";

    public const int ManyPointersCount = 120;

    /// <summary>A valid NHS number NRL holds nothing for: 404.</summary>
    public const string UnknownPatient = "9000000041";

    /// <summary>Lloyd George record folder: the sandbox consumer is not onboarded for it, so asking for it is 403.</summary>
    public const string NotPermittedType = "16521000000101";

    public const string CrisisPlanId = "XSB01-3f6c2a9e-7d41-4b8a-9c1e-5a2b7d9e0f11";
    public const string EndOfLifeSummaryId = "XSB02-8b1d4e7a-2c95-4f63-a0d8-6e3f9b1c2a22";
    public const string RespectId = "XSB03-c47e9a1b-5f28-4d06-b3e9-1a7c8d2f4b33";
    public const string SspPointerId = "XSB01-e2a95c7d-0b4f-4a18-8d6c-9f3e1b5a7c44";
    public const string SupersededId = "XSB02-1d7f3b9e-6a2c-4e85-b0f4-2c8a6e9d1b55";
    public const string ReplacementId = "XSB02-a6c0e8f2-4d3b-4971-9e5a-7b1d3f6c8a66";
    public const string MalformedId = "XSB04-5e9b2d1f-8c7a-4f30-a6e2-0d4b9c3e7f77";
    public const string SecondPatientCrisisPlanId = "XSB01-7a3e5c9b-1f2d-4b6e-8a0c-3d5f7b9e1c88";
    public const string SecondPatientEndOfLifeId = "XSB02-0f8d6b4a-3e1c-4a7f-9b2d-5c8e0a3f6d99";
}
