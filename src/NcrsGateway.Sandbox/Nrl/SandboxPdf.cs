using System.Globalization;
using System.Text;

namespace NcrsGateway.Sandbox.Nrl;

/// <summary>
/// Writes a minimal valid one-page PDF (correct xref offsets), optionally padded with an unreferenced
/// binary stream so a large file is still a well-formed PDF.
/// </summary>
internal static class SandboxPdf
{
    public static byte[] Create(string text, int paddingBytes = 0, uint seed = 0)
    {
        var content = $"BT /F1 14 Tf 72 720 Td ({text}) Tj ET";
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            Stream(Ascii(content)),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        };
        if (paddingBytes > 0)
        {
            objects.Add(Stream(Pattern(paddingBytes, seed)));
        }

        using var pdf = new MemoryStream();
        Write(pdf, Ascii("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write(pdf, Ascii($"{i + 1} 0 obj\n"));
            Write(pdf, objects[i]);
            Write(pdf, Ascii("\nendobj\n"));
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Write(pdf, Ascii(table.ToString()));
        return pdf.ToArray();
    }

    /// <summary>Deterministic bytes from a 32-bit xorshift generator, so tests can recompute them.</summary>
    internal static byte[] Pattern(int length, uint seed)
    {
        var bytes = new byte[length];
        var state = seed == 0 ? 0x9E3779B9u : seed;
        for (var i = 0; i < length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            bytes[i] = (byte)state;
        }

        return bytes;
    }

    private static byte[] Stream(byte[] data) =>
        [.. Ascii($"<< /Length {data.Length} >>\nstream\n"), .. data, .. Ascii("\nendstream")];

    private static byte[] Ascii(string s) => Encoding.Latin1.GetBytes(s);

    private static void Write(MemoryStream stream, byte[] bytes) => stream.Write(bytes, 0, bytes.Length);
}
