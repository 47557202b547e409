using WireMock;

namespace NcrsGateway.Sandbox.Nrl;

/// <summary>Reads what the NRL simulator needs from a request: headers, query and body parameters.</summary>
internal static class NrlSimulatorRequest
{
    public static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <summary>A query parameter, re-joined with commas (WireMock splits comma lists).</summary>
    public static string? Query(IRequestMessage request, string name) =>
        request.Query?.FirstOrDefault(q => q.Key == name).Value is { Count: > 0 } values ? string.Join(',', values) : null;

    /// <summary>The scheme and authority the caller reached, for building document URLs on the same server.</summary>
    public static Uri Origin(IRequestMessage request) => new(new Uri(request.Url).GetLeftPart(UriPartial.Authority));
}
