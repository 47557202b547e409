using Microsoft.Extensions.Http;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// No upstream client follows a redirect: a national API that answers 3xx gets <c>upstream-error</c>, never a second
/// request to wherever it pointed (with the same bearer token, NHS number and ODS headers). Applied to every adapter's
/// primary handler after the adapter's own configuration, so an adapter that swaps its primary handler cannot undo it.
/// </summary>
public static class UpstreamRedirects
{
    /// <summary>Turns automatic redirects off on the builder's primary handler; refuses a handler it cannot turn them off on.</summary>
    /// <param name="builder">The adapter's handler builder, after every other configuration.</param>
    public static void Refuse(HttpMessageHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        switch (builder.PrimaryHandler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
            default:
                throw new InvalidOperationException(
                    $"An upstream client's primary handler ({builder.PrimaryHandler.GetType().Name}) cannot be told not to follow redirects; use SocketsHttpHandler.");
        }
    }
}
