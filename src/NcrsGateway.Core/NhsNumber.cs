using System.Diagnostics.CodeAnalysis;

namespace NcrsGateway.Core;

/// <summary>
/// A National Health Service number that is known to be well formed: ten digits whose tenth digit
/// is the Modulus-11 check digit of the first nine. Instances only exist if valid, so code holding
/// an <see cref="NhsNumber"/> never needs to re-check it. Numbers made of one repeated digit
/// (0000000000 … 9999999999) pass the arithmetic but are refused: they are placeholders, not patients.
/// </summary>
public readonly record struct NhsNumber
{
    public const string System = IdentifierSystems.NhsNumber;

    private readonly string? _value;

    private NhsNumber(string value) => _value = value;

    /// <summary>The ten digits, no spaces.</summary>
    public string Value => _value ?? throw new InvalidOperationException("Default NhsNumber has no value.");

    public static bool TryParse([NotNullWhen(true)] string? candidate, out NhsNumber nhsNumber)
    {
        nhsNumber = default;
        if (candidate is null)
        {
            return false;
        }

        Span<char> digits = stackalloc char[10];
        var count = 0;
        foreach (var c in candidate)
        {
            if (c == ' ' && count is 3 or 6)
            {
                continue; // "943 476 5919" is how clinicians write it
            }

            if (c is < '0' or > '9' || count == 10)
            {
                return false;
            }

            digits[count++] = c;
        }

        if (count != 10 || !HasValidCheckDigit(digits) || IsRepeatedDigit(digits))
        {
            return false;
        }

        nhsNumber = new NhsNumber(new string(digits));
        return true;
    }

    internal static bool HasValidCheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9] - '0';
    }

    private static bool IsRepeatedDigit(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (c != digits[0])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the digits. Never log this: use <see cref="Redaction.Redactor"/>.</summary>
    public override string ToString() => Value;
}
