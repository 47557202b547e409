using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Security.Cis2;

/// <summary>
/// Asks CIS2's UserInfo endpoint for the caller's roles, with the caller's own access token as the bearer.
/// Logs (<c>Cis2UserInfoClient.Log.cs</c>) name the failure (status or exception type), never the token, the endpoint's answer or the user.
/// </summary>
internal sealed partial class Cis2UserInfoClient(IHttpClientFactory clients, IOptions<GatewayAuthenticationOptions> options, ILogger<Cis2UserInfoClient> logger)
{
    public const string HttpClientName = "cis2-userinfo";
    public const int MaxAnswerBytes = 256 * 1024;

    public async Task<(Cis2UserInfo? Info, Cis2UserInfoFailure? Failure)> FetchAsync(string accessToken, JwtBearerOptions jwt, CancellationToken cancellationToken)
    {
        try
        {
            var endpoint = await EndpointAsync(jwt, cancellationToken);
            if (endpoint is null)
            {
                LogNoEndpoint(logger);
                return (null, Cis2UserInfoFailure.Unavailable);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                LogRefused(logger, (int)response.StatusCode);
                return (null, Cis2UserInfoFailure.TokenRefused);
            }

            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, $"status {(int)response.StatusCode}");
                return (null, Cis2UserInfoFailure.Unavailable);
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            return (Read(document.RootElement), null);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException or IOException
            && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e.GetType().Name);
            return (null, Cis2UserInfoFailure.Unavailable);
        }
    }

    private static Cis2UserInfo Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("UserInfo answer is not an object");
        }

        var roles = new List<Cis2Role>();
        if (root.TryGetProperty(Cis2Roles.RolesClaim, out var nrbac))
        {
            Cis2Roles.Read(nrbac, roles);
        }

        return new Cis2UserInfo(roles, Cis2Roles.Text(root, Cis2Roles.SelectedRoleClaim), Cis2Roles.Text(root, Cis2Roles.UserIdClaim));
    }

    /// <summary>The configured endpoint, else the one the authority's discovery document names.</summary>
    private async Task<Uri?> EndpointAsync(JwtBearerOptions jwt, CancellationToken cancellationToken)
    {
        if (options.Value.Cis2.UserInfoEndpoint is { } configured)
        {
            return configured;
        }

        if (jwt.ConfigurationManager is null)
        {
            return null;
        }

        var discovery = await jwt.ConfigurationManager.GetConfigurationAsync(cancellationToken);
        return Uri.TryCreate(discovery.UserInfoEndpoint, UriKind.Absolute, out var found)
            && (found.Scheme == Uri.UriSchemeHttps || (!jwt.RequireHttpsMetadata && found.Scheme == Uri.UriSchemeHttp)) ? found : null;
    }
}
