namespace NcrsGateway.Hosting;

/// <summary>
/// Every secret key set in configuration, by its key (<c>Authentication:SigningKey</c>, <c>Audit:EncryptionKey</c>,
/// <c>Audit:HashKey</c>, <c>Cache:KeyHashSecret</c>, each <c>Adapters:*:AccessToken</c>), for the rule that looks across
/// sections (<see cref="KeyReuseRules"/>). No section of its own: its errors name the keys themselves.
/// </summary>
internal sealed class ConfiguredSecrets
{
    /// <summary>Base64 keys: compared by their bytes as well as their text.</summary>
    public static readonly IReadOnlyList<string> Base64Keys = ["Authentication:SigningKey", "Audit:EncryptionKey", "Audit:HashKey"];

    /// <summary>Text secrets: compared by their text and their UTF-8 bytes.</summary>
    public static readonly IReadOnlyList<string> TextKeys = ["Cache:KeyHashSecret"];

    /// <summary>The secrets that are set, in the order they are checked (key, value).</summary>
    public List<KeyValuePair<string, string>> Values { get; } = [];

    public static void Collect(ConfiguredSecrets secrets, IConfiguration configuration)
    {
        foreach (var key in Base64Keys.Concat(TextKeys))
        {
            if (configuration[key] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value))
            {
                secrets.Values.Add(new(key, value));
            }
        }

        foreach (var adapter in configuration.GetSection("Adapters").GetChildren())
        {
            if (adapter["AccessToken"] is { Length: > 0 } token && !string.IsNullOrWhiteSpace(token))
            {
                secrets.Values.Add(new($"Adapters:{adapter.Key}:AccessToken", token));
            }
        }
    }
}
