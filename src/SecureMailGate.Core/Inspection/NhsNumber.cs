using System;

namespace SecureMailGate.Core.Inspection;

/// <summary>The NHS number check-digit rule (modulus 11), separate from finding numbers in text.</summary>
public static class NhsNumber
{
    /// <summary>
    /// True when <paramref name="digits"/> is ten ASCII digits, not all the same, whose tenth digit is the
    /// modulus-11 check of the first nine (weights 10..2; 11 → 0; 10 → never valid).
    /// </summary>
    /// <param name="digits">Exactly ten digits, no separators.</param>
    /// <returns>Whether it is a valid NHS number.</returns>
    public static bool IsValid(string digits) => digits is not null && IsValid(digits.AsSpan());

    /// <summary>The same check over a span, so a caller that gathered the digits itself need not make a string.</summary>
    /// <param name="digits">Exactly ten digits, no separators.</param>
    /// <returns>Whether it is a valid NHS number.</returns>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 10)
        {
            return false;
        }

        int sum = 0;
        bool allSame = true;
        for (int i = 0; i < 10; i++)
        {
            char c = digits[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            allSame &= c == digits[0];
            if (i < 9)
            {
                sum += (c - '0') * (10 - i);
            }
        }

        int check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && !allSame && check == digits[9] - '0';
    }
}
