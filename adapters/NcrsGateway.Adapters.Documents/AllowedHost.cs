using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace NcrsGateway.Adapters.Documents;

/// <summary>One entry of <see cref="DocumentsOptions.AllowedHosts"/>: a host, and a port when one is given.</summary>
internal sealed record AllowedHost(string Host, int? Port)
{
    public bool IsLoopback =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Whether <paramref name="url"/> is on this host (and this port, or the scheme's default port when none is given).</summary>
    public bool Matches(Uri url) =>
        string.Equals(url.IdnHost.Trim('[', ']'), Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
        && (Port is { } port ? url.Port == port : url.IsDefaultPort);

    public static bool TryParse(string? entry, [NotNullWhen(true)] out AllowedHost? host)
    {
        host = null;
        if (string.IsNullOrWhiteSpace(entry) || entry.Contains('/', StringComparison.Ordinal) || entry.Contains('@', StringComparison.Ordinal)
            || !Uri.TryCreate("https://" + entry.Trim(), UriKind.Absolute, out var parsed)
            || !string.IsNullOrEmpty(parsed.UserInfo) || parsed.PathAndQuery != "/")
        {
            return false;
        }

        var explicitPort = entry.Trim().EndsWith(":" + parsed.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        host = new AllowedHost(parsed.IdnHost, explicitPort ? parsed.Port : null);
        return true;
    }
}
