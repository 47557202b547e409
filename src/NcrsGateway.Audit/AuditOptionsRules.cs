using Microsoft.Extensions.Options;
using NcrsGateway.Audit.Crypto;
using NcrsGateway.Core.Security;

namespace NcrsGateway.Audit;

/// <summary>Cross-field rules on <see cref="AuditOptions"/> that attributes cannot express.</summary>
internal sealed class AuditOptionsRules(AuditKeyPolicy policy) : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.Provider == AuditProvider.Postgres && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            builder.AddError("is required when Audit:Provider is Postgres", nameof(AuditOptions.PostgresConnectionString));
        }

        if (options.MaxRetryDelay < options.RetryDelay)
        {
            builder.AddError("must be at least Audit:RetryDelay", nameof(AuditOptions.MaxRetryDelay));
        }

        var encryption = options.EncryptionKey;
        var hash = options.HashKey;
        if (encryption is null && hash is null)
        {
            if (!policy.AllowGeneratedKeys)
            {
                builder.AddError("and Audit:HashKey are required outside the sandbox (base64 of 32 random bytes each)", nameof(AuditOptions.EncryptionKey));
            }

            return builder.Build();
        }

        CheckKey(builder, encryption, nameof(AuditOptions.EncryptionKey));
        CheckKey(builder, hash, nameof(AuditOptions.HashKey));

        if (encryption is not null && string.Equals(encryption, hash, StringComparison.Ordinal))
        {
            builder.AddError("must differ from EncryptionKey (one key, one purpose)", nameof(AuditOptions.HashKey));
        }

        return builder.Build();
    }

    /// <summary>Base64 of exactly 32 bytes, and random-looking (<see cref="KeyMaterial"/>).</summary>
    private static void CheckKey(ValidateOptionsResultBuilder builder, string? base64, string name)
    {
        if (!AuditKeys.IsValidKey(base64))
        {
            builder.AddError("must be base64 of exactly 32 bytes", name);
        }
        else if (KeyMaterial.Weakness(Convert.FromBase64String(base64!)) is { } weakness)
        {
            builder.AddError(weakness, name);
        }
    }
}
