namespace KapClinic.Core.Patients;

/// <summary>The phone format the registry accepts: digits, spaces and + ( ) - . with 7 to 20 digits; + only first.</summary>
public static class PhoneNumbers
{
    public const int MinimumDigits = 7;
    public const int MaximumDigits = 20;

    public const string Rule = "digits, spaces and + ( ) - . only, with 7 to 20 digits, e.g. +1 (555) 010-2345";

    public static bool IsValid(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return false;
        }

        var text = phone.Trim();
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '+' ? i != 0 : c is not (' ' or '(' or ')' or '-' or '.'))
            {
                return false;
            }
        }

        return digits is >= MinimumDigits and <= MaximumDigits;
    }
}
