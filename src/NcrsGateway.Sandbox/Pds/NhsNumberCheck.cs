namespace NcrsGateway.Sandbox.Pds;

/// <summary>Modulus-11 NHS number check, kept local so the sandbox does not depend on Core.</summary>
internal static class NhsNumberCheck
{
    public static bool IsValid(string? value)
    {
        if (value is not { Length: 10 } || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (value[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == value[9] - '0';
    }
}
