using System.Globalization;
using System.Reflection;
using System.Text;

namespace KapClinic.Core.Users;

/// <summary>
/// The password rules of OWASP ASVS 2.1: at least 12 characters, up to 128 (so passphrases fit), no
/// composition rules, and a block list of common and context-specific passwords. Length counts Unicode
/// characters, not UTF-16 units, so an accented passphrase is measured as a person would count it.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;
    private const int MinimumDistinctCharacters = 5;

    // Words people pad with digits and symbols to meet a length rule: "Password2026!", "Welcome#12345".
    private static readonly string[] BaseWords =
    [
        "password", "passw", "pass", "welcome", "letmein", "qwerty", "qwertyuiop", "asdf", "asdfgh", "zxcvbnm",
        "iloveyou", "admin", "administrator", "changeme", "secret", "default", "login", "abc", "abcdef",
        "kapclinic", "clinic", "ketamine", "spring", "summer", "autumn", "winter", "monkey", "dragon", "football",
        "baseball", "princess", "sunshine", "master", "shadow", "trustno",
    ];

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    /// <summary>Returns the rules the password breaks, as messages for the user; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password, string? email = null, string? displayName = null)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ["Enter a password."];
        }

        var errors = new List<string>();
        var length = password.EnumerateRunes().Count();
        if (length < MinimumLength)
        {
            errors.Add($"Use at least {MinimumLength} characters; a passphrase of a few words is easiest to remember.");
        }

        if (length > MaximumLength)
        {
            errors.Add($"Use at most {MaximumLength} characters.");
        }

        if (errors.Count == 0 && IsGuessable(password, email, displayName))
        {
            errors.Add("This password is too common or too easy to guess. Choose a longer phrase of unrelated words.");
        }

        return errors;
    }

    private static bool IsGuessable(string password, string? email, string? displayName)
    {
        var lower = password.ToLowerInvariant();
        if (CommonPasswords.Value.Contains(lower))
        {
            return true;
        }

        if (lower.EnumerateRunes().Distinct().Count() < MinimumDistinctCharacters)
        {
            return true;
        }

        var letters = new string(lower.Where(char.IsLetter).ToArray());
        if (letters.Length > 0 && BaseWords.Contains(letters, StringComparer.Ordinal))
        {
            return true;
        }

        return ContainsContextWord(lower, email, displayName);
    }

    // ASVS 2.1.7's spirit: the user's own email or name is the first thing an attacker tries.
    private static bool ContainsContextWord(string lowerPassword, string? email, string? displayName)
    {
        var words = new List<string>();
        if (!string.IsNullOrWhiteSpace(email))
        {
            words.Add(email.Split('@')[0]);
        }

        if (!string.IsNullOrWhiteSpace(displayName))
        {
            words.AddRange(displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return words
            .Select(w => RemoveDiacritics(w.ToLowerInvariant()))
            .Where(w => w.Length >= 4)
            .Any(w => RemoveDiacritics(lowerPassword).Contains(w, StringComparison.Ordinal));
    }

    private static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).Normalize(NormalizationForm.FormC);
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("KapClinic.Core.Users.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.ToLowerInvariant());
            }
        }

        return set;
    }
}
