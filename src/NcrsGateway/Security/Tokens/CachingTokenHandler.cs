using Microsoft.IdentityModel.Tokens;

namespace NcrsGateway.Security.Tokens;

/// <summary>
/// The bearer handler's token handler: <paramref name="inner"/> (the JSON web token handler) validates a token the
/// first time it is seen; later requests carrying the same token use <see cref="ValidatedTokenCache"/> until its
/// <c>exp</c> or a signing-key change. The bearer handler's events (the gateway's claim rules, CIS2 mapping) still run
/// on every request.
/// </summary>
internal sealed class CachingTokenHandler(TokenHandler inner, ValidatedTokenCache cache) : TokenHandler
{
    public override int MaximumTokenSizeInBytes
    {
        get => inner.MaximumTokenSizeInBytes;
        set => inner.MaximumTokenSizeInBytes = value;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (token.Length <= MaximumTokenSizeInBytes && cache.Find(token, validationParameters) is { } known)
        {
            return known;
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result.IsValid)
        {
            cache.Add(token, result);
        }

        return result;
    }

    public override Task<TokenValidationResult> ValidateTokenAsync(SecurityToken token, TokenValidationParameters validationParameters) =>
        inner.ValidateTokenAsync(token, validationParameters);
}
