using System.Security.Cryptography;
using System.Text;

namespace NcrsGateway.Sandbox.Nrl;

/// <summary>
/// The documents the sandbox repository serves (paths under <see cref="DocumentRepositorySimulator.BasePath"/>),
/// with their SHA-256 so tests can check a pass-through byte for byte.
/// </summary>
public static class SandboxDocuments
{
    public const string PdfPath = DocumentRepositorySimulator.BasePath + "crisis-plan.pdf";
    public const string PdfContentType = "application/pdf";

    public const string BundlePath = DocumentRepositorySimulator.BasePath + "end-of-life-summary.json";
    public const string BundleContentType = "application/fhir+json";

    public const string LargePdfPath = DocumentRepositorySimulator.BasePath + "respect-form-large.pdf";
    public const string LargePdfContentType = "application/pdf";

    /// <summary>Size of the seeded binary stream inside the large PDF (5 MiB); the file is slightly bigger.</summary>
    public const int LargePdfPaddingBytes = 5 * 1024 * 1024;

    /// <summary>Seed of the xorshift pattern in the large PDF.</summary>
    public const uint LargePdfSeed = 20250314;

    private static readonly Lazy<byte[]> LargePdfBytes = new(() => CreateLargePdf());

    public static byte[] Pdf { get; } = SandboxPdf.Create("Sandbox mental health crisis plan - not a real patient");

    public static byte[] Bundle { get; } = Encoding.UTF8.GetBytes(SandboxDocumentBundle.Json);

    public static byte[] LargePdf => LargePdfBytes.Value;

    public static string PdfSha256 { get; } = Sha256(Pdf);

    public static string BundleSha256 { get; } = Sha256(Bundle);

    public static string LargePdfSha256 => Sha256(LargePdf);

    /// <summary>Rebuilds the large PDF from its seed (what the repository serves at <see cref="LargePdfPath"/>).</summary>
    public static byte[] CreateLargePdf() =>
        SandboxPdf.Create("Sandbox ReSPECT form - not a real patient", LargePdfPaddingBytes, LargePdfSeed);

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
