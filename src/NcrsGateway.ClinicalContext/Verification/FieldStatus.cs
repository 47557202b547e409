namespace NcrsGateway.ClinicalContext.Verification;

/// <summary>How one local field compares with the national record.</summary>
internal enum FieldStatus
{
    /// <summary>Both hold the same value (names ignore case and spacing; postcodes ignore spaces), or both hold none.</summary>
    Match,

    /// <summary>Both hold a value and they differ.</summary>
    Differs,

    /// <summary>The national record has a value the local system does not.</summary>
    MissingLocally,

    /// <summary>The local system has a value the national record does not.</summary>
    MissingNationally,

    /// <summary>The national value exists but is withheld (restricted patient): it cannot be compared or shown.</summary>
    Withheld,
}
