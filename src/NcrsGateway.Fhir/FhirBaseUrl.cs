using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NcrsGateway.Fhir;

/// <summary>
/// The gateway's own FHIR base URL, used for every link it writes (never an upstream host, never a request's Host):
/// the configured public base URL (<c>Gateway:PublicBaseUrl</c>), or in the sandbox the server's own listening address,
/// resolved once after start. Cached answers therefore never carry a link one caller's headers chose.
/// </summary>
public sealed class FhirBaseUrl(Uri? publicBaseUrl, IServer server)
{
    private string? _value;

    public string Value => _value ??= Resolve();

    /// <summary>The same for every request: the request is deliberately not read (its Host must never reach a link).</summary>
    public string For(HttpRequest _) => Value;

    private string Resolve()
    {
        if (publicBaseUrl is { } configured)
        {
            return configured.ToString().TrimEnd('/');
        }

        // Only the sandbox gets here (validation requires PublicBaseUrl elsewhere): use Kestrel's own bound address.
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no listening address yet; links are only written once it has started.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return $"{uri.Scheme}://{uri.Uri.Authority}/fhir";
    }
}
