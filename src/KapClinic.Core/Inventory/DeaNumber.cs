namespace KapClinic.Core.Inventory;

/// <summary>
/// A DEA registration number: 2 letters then 7 digits; the last digit is the check digit: (d1 + d3 + d5) + 2 x (d2 +
/// d4 + d6), last digit of the sum.
/// </summary>
public static class DeaNumber
{
    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var text = value.Trim().ToUpperInvariant();
        if (text.Length != 9 || !char.IsAsciiLetter(text[0]) || !(char.IsAsciiLetter(text[1]) || text[1] == '9') || !text[2..].All(char.IsAsciiDigit))
        {
            return false;
        }

        var d = text[2..].Select(c => c - '0').ToArray();
        var sum = d[0] + d[2] + d[4] + (2 * (d[1] + d[3] + d[5]));
        return sum % 10 == d[6];
    }
}
