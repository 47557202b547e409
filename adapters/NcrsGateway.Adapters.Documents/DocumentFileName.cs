using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace NcrsGateway.Adapters.Documents;

/// <summary>
/// The file name a document is offered under. The stem is the repository's own name when it offers one (last path
/// segment only, letters, digits, space, <c>.</c>, <c>-</c>, <c>_</c>, <c>(</c>, <c>)</c> kept, at most
/// <see cref="MaxStemLength"/> characters), otherwise the pointer id; the extension always comes from the
/// document's content type, never from the repository, so a PDF cannot be offered as <c>.html</c> or <c>.exe</c>.
/// </summary>
internal static class DocumentFileName
{
    public const int MaxStemLength = 80;

    /// <summary>The safe file name for a document.</summary>
    /// <param name="pointerId">The (validated) pointer id: the fallback stem.</param>
    /// <param name="upstream">The repository's <c>Content-Disposition</c>, if any.</param>
    /// <param name="mediaType">The document's media type (as the repository or the pointer declared it).</param>
    public static string For(string pointerId, ContentDispositionHeaderValue? upstream, string mediaType)
    {
        var stem = Stem(upstream?.FileNameStar) ?? Stem(upstream?.FileName) ?? pointerId;
        return stem + Extension(mediaType);
    }

    /// <summary><c>attachment</c> with an ASCII <c>filename</c> and the exact name as RFC 6266 / RFC 8187 <c>filename*</c>.</summary>
    public static string AttachmentHeader(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var ascii = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            ascii.Append(c is >= ' ' and <= '~' ? c : '_');
        }

        return string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}");
    }

    private static string? Stem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        name = name.Trim().Trim('"');
        var lastSeparator = name.LastIndexOfAny(['/', '\\', ':']);
        if (lastSeparator >= 0)
        {
            name = name[(lastSeparator + 1)..];
        }

        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name[..dot]; // the extension is ours to choose
        }

        var kept = new StringBuilder(Math.Min(name.Length, MaxStemLength));
        foreach (var c in name)
        {
            if (kept.Length == MaxStemLength)
            {
                break;
            }

            if (char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' or '(' or ')')
            {
                kept.Append(c);
            }
        }

        // No leading dots (hidden files, "..") and no trailing dots or spaces (which Windows strips).
        var stem = kept.ToString().Trim(' ', '.');
        return stem.Length == 0 ? null : stem;
    }

    private static string Extension(string mediaType) => mediaType.ToUpperInvariant() switch
    {
        "APPLICATION/PDF" => ".pdf",
        "APPLICATION/FHIR+JSON" or "APPLICATION/JSON" => ".json",
        "APPLICATION/FHIR+XML" or "APPLICATION/XML" or "TEXT/XML" => ".xml",
        "TEXT/HTML" or "APPLICATION/XHTML+XML" => ".html",
        "TEXT/PLAIN" => ".txt",
        "TEXT/RTF" or "APPLICATION/RTF" => ".rtf",
        "APPLICATION/MSWORD" => ".doc",
        "APPLICATION/VND.OPENXMLFORMATS-OFFICEDOCUMENT.WORDPROCESSINGML.DOCUMENT" => ".docx",
        "IMAGE/JPEG" => ".jpg",
        "IMAGE/PNG" => ".png",
        "IMAGE/TIFF" => ".tiff",
        _ => string.Empty,
    };
}
