namespace NcrsGateway.Fhir;

/// <summary>
/// The NHS number in a reference search value, as a <c>reference</c> parameter's declared type says it may be given:
/// <c>Patient/{n}</c>, an absolute URL ending <c>/Patient/{n}</c>, or the bare id <c>{n}</c> (the gateway's Patient ids are NHS numbers).
/// </summary>
public static class PatientReference
{
    private const string Prefix = "Patient/";

    /// <summary>The id part of <paramref name="value"/> (not yet checked as an NHS number).</summary>
    public static string Id(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var marker = value.LastIndexOf(Prefix, StringComparison.Ordinal);
        return marker >= 0 && (marker == 0 || value[marker - 1] == '/') ? value[(marker + Prefix.Length)..] : value;
    }
}
