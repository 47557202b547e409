using Microsoft.Extensions.Options;
using NcrsGateway.Core.Security;

namespace NcrsGateway.Hosting;

/// <summary>
/// One key, one purpose: the same key material set for two purposes (e.g. <c>Authentication:SigningKey</c> =
/// <c>Audit:EncryptionKey</c>) is refused at start, one line per pair, since a leak through either purpose would expose
/// both (whoever can sign tokens could decrypt the audit trail). Compared by text and by decoded bytes. The audit keys'
/// own pair is left to the audit rules, which already refuse it; upstream access tokens may equal each other (one API
/// platform application's token serves several APIs) but never one of the gateway's own keys.
/// </summary>
internal sealed class KeyReuseRules : IValidateOptions<ConfiguredSecrets>
{
    public ValidateOptionsResult Validate(string? name, ConfiguredSecrets options)
    {
        var builder = new ValidateOptionsResultBuilder();
        var values = options.Values;
        for (var later = 1; later < values.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                var (a, b) = (values[earlier], values[later]);
                if ((a.Key == "Audit:EncryptionKey" && b.Key == "Audit:HashKey") || (IsUpstreamToken(a) && IsUpstreamToken(b)))
                {
                    continue; // the audit rules refuse that pair already; one API platform token may serve several upstreams
                }

                if (Same(a, b))
                {
                    builder.AddError($"{b.Key} is the same key as {a.Key}: use each key for one purpose only, so that a leak through one does not expose the other; {KeyMaterial.HowToGenerate} for each");
                }
            }
        }

        return builder.Build();
    }

    private static bool IsUpstreamToken(KeyValuePair<string, string> secret) => secret.Key.StartsWith("Adapters:", StringComparison.Ordinal);

    private static bool Same(KeyValuePair<string, string> a, KeyValuePair<string, string> b) =>
        string.Equals(a.Value.Trim(), b.Value.Trim(), StringComparison.Ordinal)
        || KeyMaterial.SameKey(Bytes(a), Bytes(b));

    /// <summary>A base64 key's decoded bytes; a text secret's UTF-8 (so "the bytes of the signing key as text" is caught too).</summary>
    private static byte[] Bytes(KeyValuePair<string, string> secret)
    {
        if (ConfiguredSecrets.Base64Keys.Contains(secret.Key))
        {
            var buffer = new byte[secret.Value.Length];
            return Convert.TryFromBase64String(secret.Value, buffer, out var written) ? buffer[..written] : [];
        }

        return System.Text.Encoding.UTF8.GetBytes(secret.Value);
    }
}
