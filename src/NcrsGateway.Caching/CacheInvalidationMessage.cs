namespace NcrsGateway.Caching;

/// <summary>
/// One message on the Redis invalidation channel: <c>{instance}|k|{key}</c> or <c>{instance}|t|{tag}</c>.
/// Keys and tags are already keyed hashes, so the channel carries no NHS numbers.
/// </summary>
internal sealed record CacheInvalidationMessage(string Sender, bool IsTag, string Value)
{
    public static string ForKey(string sender, string key) => $"{sender}|k|{key}";

    public static string ForTag(string sender, string tag) => $"{sender}|t|{tag}";

    public static CacheInvalidationMessage? Parse(string? text)
    {
        var parts = text?.Split('|', 3);
        return parts is [var sender, "k" or "t", var value] ? new CacheInvalidationMessage(sender, parts[1] == "t", value) : null;
    }
}
