using System.Reflection;
using Microsoft.Net.Http.Headers;

namespace NcrsGateway.Fhir.Endpoints;

/// <summary>
/// Pages for people (<c>/ops/</c>, the sandbox's <c>/sandbox/</c>): HTML, JS and CSS embedded in the feature's assembly,
/// served anonymously (they hold no data: their scripts call the role-checked APIs) with a strict Content-Security-Policy:
/// nothing from another origin, no inline script or style, no framing.
/// </summary>
public static class StaticPageEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <param name="routes">Where to map.</param>
    /// <param name="prefix">The pages' path, e.g. <c>/ops</c>; the first file answers <c>{prefix}</c> and <c>{prefix}/</c> (pages link their files by absolute path).</param>
    /// <param name="assembly">The assembly whose embedded resources hold the files.</param>
    /// <param name="resourcePrefix">The resources' logical name prefix, e.g. <c>ops/</c>.</param>
    /// <param name="files">The file names; the first is the index page.</param>
    public static IEndpointRouteBuilder MapStaticPages(this IEndpointRouteBuilder routes, string prefix, Assembly assembly, string resourcePrefix, params string[] files)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(files);
        for (var i = 0; i < files.Length; i++)
        {
            var file = files[i];
            var content = Read(assembly, resourcePrefix + file);
            var type = ContentType(file);
            var handler = (HttpContext http) =>
            {
                http.Response.Headers["Content-Security-Policy"] = ContentSecurityPolicy;
                http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
                return Results.Bytes(content, type);
            };
            routes.MapGet($"{prefix}/{file}", handler).AllowAnonymous().ExcludeFromDescription();
            if (i == 0)
            {
                routes.MapGet(prefix, handler).AllowAnonymous().ExcludeFromDescription(); // answers {prefix} and {prefix}/ alike
            }
        }

        return routes;
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Embedded page {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
