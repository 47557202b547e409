using System.Text.Json.Nodes;

namespace NcrsGateway.FunctionalTests.Examples;

/// <summary>
/// The NHS example payloads linked into the build output from the adapter tests' Examples folders
/// (see their SOURCES.md). Never read from outside the repository.
/// </summary>
internal static class NhsExamples
{
    public static JsonObject Load(string folder, string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", folder, file)))!.AsObject();

    public static string? Str(JsonNode? node) => node?.GetValue<string>();

    /// <summary>The first extension whose url ends with <paramref name="urlEnd"/>.</summary>
    public static JsonNode? Ext(JsonNode? element, string urlEnd) =>
        (element?["extension"] as JsonArray)?.FirstOrDefault(e => Str(e!["url"])!.EndsWith(urlEnd, StringComparison.Ordinal));

    public static JsonNode? Sub(JsonNode? extension, string url) =>
        (extension?["extension"] as JsonArray)?.FirstOrDefault(e => Str(e!["url"]) == url);

    /// <summary>Elements of an array that carry a value (withheld placeholders, which carry only data-absent-reason, are left out).</summary>
    public static IEnumerable<JsonNode> Valued(JsonNode? array) =>
        (array as JsonArray ?? []).Where(n => Ext(n, "data-absent-reason") is null).Select(n => n!);
}
