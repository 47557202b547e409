namespace NcrsGateway.Caching;

/// <summary>Something other than metadata was offered to the cache. A bug, never a caller error: nothing was stored.</summary>
public sealed class NotCacheableException : InvalidOperationException
{
    public NotCacheableException()
    {
    }

    public NotCacheableException(string reason)
        : base("Refused to cache: " + reason + ". Only demographics and document-pointer metadata may be cached.")
    {
    }

    public NotCacheableException(string reason, Exception inner)
        : base("Refused to cache: " + reason + ". Only demographics and document-pointer metadata may be cached.", inner)
    {
    }
}
