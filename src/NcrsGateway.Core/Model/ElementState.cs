namespace NcrsGateway.Core.Model;

/// <summary>
/// Why an attribute does or does not carry a value. Absence is never ambiguous: a restricted
/// patient's address is <see cref="Withheld"/>, not <see cref="NotRecorded"/>.
/// </summary>
public enum ElementState
{
    /// <summary>The national service returned a value.</summary>
    Present,

    /// <summary>The national service did not say; the gateway cannot tell whether a value exists.</summary>
    Unknown,

    /// <summary>The national service holds the record and it has no value for this element.</summary>
    NotRecorded,

    /// <summary>A value may exist but was removed upstream (restricted / sensitive patient).</summary>
    Withheld,

    /// <summary>The value is held by another service (for example a document repository), not this one.</summary>
    RecordedElsewhere,
}
