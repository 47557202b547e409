using Microsoft.Extensions.Options;

namespace NcrsGateway.Events;

/// <summary>Cross-field rules of <see cref="EventsOptions"/>: credentials strong enough, retries ordered, lease longer than a poll.</summary>
internal sealed class EventsOptionsRules : IValidateOptions<EventsOptions>
{
    public const int MinSecretLength = 32;
    public const int MinSigningKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, EventsOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SharedSecret) && options.SharedSecret.Length < MinSecretLength)
        {
            errors.Add($"Events:SharedSecret must be at least {MinSecretLength} characters.");
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKey) && SigningKeyBytes(options.SigningKey) is null)
        {
            errors.Add($"Events:SigningKey must be base64 of at least {MinSigningKeyBytes} random bytes.");
        }

        if (string.Equals(options.SecretHeader, options.SignatureHeader, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Events:SecretHeader and Events:SignatureHeader must differ.");
        }

        if (options.MaxRetryDelay < options.RetryDelay)
        {
            errors.Add("Events:MaxRetryDelay must be at least Events:RetryDelay.");
        }

        if (options.LeaseDuration <= options.PollInterval)
        {
            errors.Add("Events:LeaseDuration must be longer than Events:PollInterval.");
        }

        var subscribers = options.Subscribers;
        if (subscribers.MaxRetryDelay < subscribers.RetryDelay)
        {
            errors.Add("Events:Subscribers:MaxRetryDelay must be at least Events:Subscribers:RetryDelay.");
        }

        if (subscribers.LeaseDuration <= subscribers.RequestTimeout)
        {
            errors.Add("Events:Subscribers:LeaseDuration must be longer than Events:Subscribers:RequestTimeout.");
        }

        foreach (var entry in subscribers.AllowedEndpoints)
        {
            if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo))
            {
                errors.Add("Events:Subscribers:AllowedEndpoints entries must be absolute http(s) URLs without credentials.");
                break;
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The decoded key, or null when it is not base64 of enough bytes.</summary>
    public static byte[]? SigningKeyBytes(string base64)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64);
            return bytes.Length >= MinSigningKeyBytes ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
