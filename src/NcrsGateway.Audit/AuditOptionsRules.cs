using Microsoft.Extensions.Options;
using NcrsGateway.Audit.Crypto;

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

        if (!AuditKeys.IsValidKey(encryption))
        {
            builder.AddError("must be base64 of exactly 32 bytes", nameof(AuditOptions.EncryptionKey));
        }

        if (!AuditKeys.IsValidKey(hash))
        {
            builder.AddError("must be base64 of exactly 32 bytes", nameof(AuditOptions.HashKey));
        }

        if (encryption is not null && string.Equals(encryption, hash, StringComparison.Ordinal))
        {
            builder.AddError("must differ from EncryptionKey (one key, one purpose)", nameof(AuditOptions.HashKey));
        }

        return builder.Build();
    }
}
