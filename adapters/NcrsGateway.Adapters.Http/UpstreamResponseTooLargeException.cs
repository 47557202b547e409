namespace NcrsGateway.Adapters.Http;

/// <summary>An upstream body was larger than <see cref="UpstreamOptions.MaxResponseBodyBytes"/>. Not transient: never retried.</summary>
public sealed class UpstreamResponseTooLargeException : Exception
{
    public UpstreamResponseTooLargeException()
        : base("The upstream response body exceeded the configured maximum size.")
    {
    }

    public UpstreamResponseTooLargeException(string message)
        : base(message)
    {
    }

    public UpstreamResponseTooLargeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
