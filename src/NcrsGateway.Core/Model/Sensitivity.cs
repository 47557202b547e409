namespace NcrsGateway.Core.Model;

/// <summary>The record's confidentiality as flagged nationally (v3-Confidentiality U, R, V, REDACTED).</summary>
public enum Sensitivity
{
    Unrestricted,
    Restricted,
    VeryRestricted,
    Redacted,
}
