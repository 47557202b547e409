using System.Globalization;

namespace NcrsGateway.Tests.Common;

/// <summary>Distinct valid NHS numbers (correct check digit) in the 9xx test range, in a repeatable order.</summary>
public static class TestNhsNumbers
{
    /// <summary>The first <paramref name="count"/> valid numbers from 900 000 000x upwards, skipping <paramref name="skip"/>.</summary>
    public static IReadOnlyList<string> Distinct(int count, int skip = 0)
    {
        var numbers = new List<string>(count);
        for (long stem = 900_000_000 + skip; numbers.Count < count; stem++)
        {
            if (CheckDigit(stem) is { } check)
            {
                numbers.Add(stem.ToString(CultureInfo.InvariantCulture) + check.ToString(CultureInfo.InvariantCulture));
            }
        }

        return numbers;
    }

    private static int? CheckDigit(long stem)
    {
        var digits = stem.ToString(CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }
}
