using Microsoft.Net.Http.Headers;

namespace NcrsGateway.Adapters.Documents;

/// <summary>
/// The headers a caller receives with a document. Of the repository's headers only <see cref="Passed"/> reach the
/// caller (what a clinical client needs to store, resume or revalidate a download); everything else (CORS grants,
/// <c>Via</c>, internal host names, <c>WWW-Authenticate</c>, cookies, redirects, caching directives) is dropped.
/// The gateway then sets its own: always an attachment under a safe file name, never sniffed, sandboxed, never stored.
/// Active content (HTML, SVG, script) is served as <c>application/octet-stream</c>, so no browser renders it.
/// </summary>
internal static class DocumentResponseHeaders
{
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'";
    public const string SafeMediaType = "application/octet-stream";

    /// <summary>Repository headers passed on unchanged (Content-Type and Content-Disposition are rebuilt, not passed).</summary>
    public static readonly IReadOnlyList<string> Passed =
    [
        HeaderNames.ContentLength, HeaderNames.ContentEncoding, HeaderNames.ContentLanguage, HeaderNames.ContentRange,
        HeaderNames.AcceptRanges, HeaderNames.LastModified, HeaderNames.ETag,
    ];

    private static readonly HashSet<string> ActiveMediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "image/svg+xml", "text/javascript", "application/javascript",
        "application/ecmascript", "text/ecmascript", "application/x-javascript", "text/xsl", "application/xslt+xml",
        "text/css", "application/x-shockwave-flash",
    };

    /// <summary>Replaces whatever the forwarder copied with the allow-listed repository headers and the gateway's own.</summary>
    public static void Apply(HttpResponse response, HttpResponseMessage upstream, DocumentTarget target, string pointerId)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(target);
        var headers = response.Headers; // the forwarder's copy of the repository's headers is never made (no base call)
        foreach (var name in Passed)
        {
            if (Value(upstream, name) is { } value)
            {
                headers[name] = value;
            }
        }

        var declared = DeclaredMediaType(upstream.Content.Headers.ContentType?.MediaType) ?? DeclaredMediaType(target.ContentType) ?? SafeMediaType;
        var charset = upstream.Content.Headers.ContentType?.CharSet;
        headers.ContentType = ActiveMediaTypes.Contains(declared) || declared.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            ? SafeMediaType
            : declared + (charset is { Length: > 0 and <= 40 } && IsToken(charset) ? "; charset=" + charset : string.Empty);
        headers.ContentDisposition = DocumentFileName.AttachmentHeader(
            DocumentFileName.For(pointerId, upstream.Content.Headers.ContentDisposition, declared));
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "no-store, private";
        headers.Pragma = "no-cache";
        headers.Expires = "0";
    }

    /// <summary>One value of <paramref name="name"/>, only if it is plain visible ASCII (nothing a header could be split or smuggled with).</summary>
    private static string? Value(HttpResponseMessage upstream, string name)
    {
        if (!upstream.Headers.NonValidated.TryGetValues(name, out var values) && !upstream.Content.Headers.NonValidated.TryGetValues(name, out values))
        {
            return null;
        }

        var value = values.ToString();
        return value.Length is > 0 and <= 200 && value.All(c => c is >= ' ' and <= '~') ? value : null;
    }

    /// <summary>A lower-case <c>type/subtype</c> made only of token characters, or null.</summary>
    private static string? DeclaredMediaType(string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(mediaType) || mediaType.Length > 100)
        {
            return null;
        }

        var parsed = MediaTypeHeaderValue.TryParse(mediaType, out var value) ? value : null;
        var type = parsed?.MediaType.Value;
        if (type is null || parsed!.Type.Length == 0 || parsed.SubType.Length == 0 || !IsToken(type.Replace("/", string.Empty, StringComparison.Ordinal)))
        {
            return null;
        }

#pragma warning disable CA1308 // media types are conventionally lower case
        return type.ToLowerInvariant();
#pragma warning restore CA1308
    }

    private static bool IsToken(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '&' or '-' or '^' or '_' or '.' or '+');
}
