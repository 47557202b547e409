using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Events;

namespace NcrsGateway.Sandbox.Host.Mns;

/// <summary>
/// Plays MNS for the sandbox (<c>POST /sandbox/mns/emit</c>): the simulated PDS record changes first (its version moves,
/// so the next read's <c>ETag</c> changes), then a CloudEvents 1.0 signal is delivered over HTTP to this gateway's own
/// ingestion endpoint (<c>Events:IngestionPath</c>), authenticated with the sandbox's secret exactly as MNS would be:
/// the shared secret header, or the body's HMAC signature when only a signing key is configured.
/// </summary>
internal sealed partial class SandboxMnsEmitter(
    IOptions<EventsOptions> options,
    SandboxUpstreams upstreams,
    IServer server,
    IHttpClientFactory clients,
    TimeProvider time)
{
    public const string ClientName = "sandbox-mns";

    /// <summary>The <c>source</c> of the sandbox's events: a Spine ASID-style sender name no real sender uses.</summary>
    public const string Source = "https://fhir.nhs.uk/Id/nhsSpineASID/sandbox-mns";

    private const string CloudEventJson = "application/cloudevents+json";

    /// <param name="type">The event type, e.g. <c>pds-record-change-2</c>.</param>
    /// <param name="nhsNumber">The patient.</param>
    /// <param name="id">The event id, or null for a new one (send one again to see a duplicate).</param>
    /// <param name="versionId">The record version the event names (<c>4</c> or <c>W/"4"</c>), or null: PDS's new version.</param>
    public async Task<(SandboxMnsEmitResult Result, HttpStatusCode Status, string Body, string? ContentType)> EmitAsync(
        string? type, string? nhsNumber, string? id, string? versionId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SharedSecret) && string.IsNullOrWhiteSpace(o.SigningKey))
        {
            throw new GatewayException(GatewayErrors.InvalidRequest, "Events are off in this sandbox (Events:SharedSecret and Events:SigningKey are both empty), so there is nowhere to deliver to.");
        }

        if (type is null || !TypePattern().IsMatch(type))
        {
            throw new GatewayException(GatewayErrors.InvalidRequest, "type is required: an MNS event type such as pds-record-change-2 or pds-death-notification-2.");
        }

        if (!NhsNumber.TryParse(nhsNumber, out var patient))
        {
            throw new GatewayException(GatewayErrors.InvalidNhsNumber);
        }

        if (id is not null && (id.Length is 0 or > 256 || id.Any(char.IsControl)))
        {
            throw new GatewayException(GatewayErrors.InvalidRequest, "id, when given, must be 1 to 256 printable characters.");
        }

        long? named = null;
        if (!string.IsNullOrEmpty(versionId))
        {
            var match = VersionPattern().Match(versionId);
            if (!match.Success)
            {
                throw new GatewayException(GatewayErrors.InvalidRequest, "versionid, when given, must be a record version such as 4 or W/\"4\".");
            }

            named = long.Parse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var pdsVersion = PdsSimulator.BumpVersion(upstreams.Server, patient.Value, named);
        var eventVersion = named ?? pdsVersion;
        var signal = new SandboxMnsEvent(
            "1.0",
            id ?? Guid.NewGuid().ToString(),
            Source,
            type,
            time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            patient.Value,
            new Uri(upstreams.PdsBaseUrl, "Patient/" + patient.Value).ToString(),
            eventVersion is { } v ? Weak(v) : null);
        var body = JsonSerializer.SerializeToUtf8Bytes(signal);

        using var request = new HttpRequestMessage(HttpMethod.Post, IngestionUri(o.IngestionPath)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(CloudEventJson);
        if (!string.IsNullOrWhiteSpace(o.SharedSecret))
        {
            request.Headers.Add(o.SecretHeader, o.SharedSecret);
        }
        else
        {
            request.Headers.Add(o.SignatureHeader, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(o.SigningKey!), body)));
        }

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new GatewayException(GatewayErrors.UpstreamUnavailable, inner: e);
        }

        using (response)
        {
            var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var result = new SandboxMnsEmitResult(signal.Id, signal.Source, signal.Type, signal.VersionId, pdsVersion is { } p ? Weak(p) : null, (int)response.StatusCode);
            return (result, response.StatusCode, answer, response.Content.Headers.ContentType?.ToString());
        }
    }

    private static string Weak(long version) => string.Create(CultureInfo.InvariantCulture, $"W/\"{version}\"");

    /// <summary>The ingestion endpoint on this process's own listening address (an any-address listener is reached on loopback).</summary>
    private Uri IngestionUri(string path)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses
            .OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
            .FirstOrDefault() ?? throw new GatewayException(GatewayErrors.UpstreamUnavailable);
        var builder = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (IPAddress.TryParse(builder.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
        {
            builder.Host = ip.Equals(IPAddress.Any) ? IPAddress.Loopback.ToString() : "[::1]";
        }

        builder.Path = path;
        return builder.Uri;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex TypePattern();

    [GeneratedRegex("^(W/)?\"?(?<n>[0-9]{1,18})\"?$")]
    private static partial Regex VersionPattern();
}
