using Microsoft.Extensions.Options;

namespace NcrsGateway.RateLimiting;

/// <summary>Cross-field rules: a bucket cannot refill by more than it holds.</summary>
internal sealed class RateLimitOptionsRules : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        Check(builder, options.PerClient, nameof(RateLimitOptions.PerClient));
        Check(builder, options.PerOrganisation, nameof(RateLimitOptions.PerOrganisation));
        Check(builder, options.Anonymous, nameof(RateLimitOptions.Anonymous));
        return builder.Build();
    }

    private static void Check(ValidateOptionsResultBuilder builder, TokenBucketLimit? limit, string name)
    {
        if (limit is not null && limit.TokensPerPeriod > limit.TokenLimit)
        {
            builder.AddError("must not exceed TokenLimit", $"{name}.{nameof(TokenBucketLimit.TokensPerPeriod)}");
        }
    }
}
