using System;
using SecureMailGate.Core.Inspection;

namespace SecureMailGate.Core.Tests.Detection;

/// <summary>
/// Ten-digit numbers that pass the NHS modulus-11 check, made from a seed and an optional fixed start (an area code)
/// and last digit, so a test of a telephone number can fail: the number would count if its context did not say otherwise.
/// </summary>
internal static class ValidNumbers
{
    /// <summary>A valid number starting with <paramref name="prefix"/>, ending in <paramref name="last"/> when given.</summary>
    public static string Make(int seed, string prefix = "", int? last = null)
    {
        var random = new Random(seed);
        for (int attempt = 0; attempt < 10_000; attempt++)
        {
            var digits = new char[10];
            for (int i = 0; i < 9; i++)
            {
                digits[i] = i < prefix.Length ? prefix[i] : (char)('0' + random.Next(10));
            }

            int sum = 0;
            for (int i = 0; i < 9; i++)
            {
                sum += (digits[i] - '0') * (10 - i);
            }

            int check = (11 - (sum % 11)) % 11;
            if (check == 10 || (last is { } wanted && check != wanted))
            {
                continue;
            }

            digits[9] = (char)('0' + check);
            string number = new(digits);
            if (NhsNumber.IsValid(number))
            {
                return number;
            }
        }

        throw new InvalidOperationException("No valid number with that prefix and last digit.");
    }

    /// <summary>The number grouped 3-3-4 with <paramref name="separator"/> (or two different separators).</summary>
    public static string Grouped(string number, string separator, string? second = null) =>
        number.Substring(0, 3) + separator + number.Substring(3, 3) + (second ?? separator) + number.Substring(6, 4);
}
