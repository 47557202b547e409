using Microsoft.Extensions.Configuration;
using NcrsGateway.Adapters.Http;

namespace NcrsGateway.Sandbox;

/// <summary>Settings the HTTP adapters' simulators share.</summary>
internal static class SandboxSettings
{
    /// <summary>The access token the simulators accept when none is configured (they check only that one is sent).</summary>
    public const string AccessToken = "sandbox-token";

    /// <summary><c>BaseUrl</c> at <paramref name="basePath"/> on the server, and <c>AccessToken</c> unless one is configured.</summary>
    public static Dictionary<string, string?> Upstream(Uri serverBaseUrl, string basePath, IConfigurationSection configured) => new()
    {
        [nameof(UpstreamOptions.BaseUrl)] = new Uri(serverBaseUrl, basePath).ToString(),
        [nameof(UpstreamOptions.AccessToken)] = configured[nameof(UpstreamOptions.AccessToken)] ?? AccessToken,
    };
}
