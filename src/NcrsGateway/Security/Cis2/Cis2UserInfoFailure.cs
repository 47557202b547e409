namespace NcrsGateway.Security.Cis2;

/// <summary>Why UserInfo gave no roles: CIS2 refused the token (sign in again), or could not be asked (try again later).</summary>
internal enum Cis2UserInfoFailure
{
    TokenRefused,
    Unavailable,
}
