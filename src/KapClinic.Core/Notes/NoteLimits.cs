namespace KapClinic.Core.Notes;

/// <summary>Sizes shared by every clinical note.</summary>
public static class NoteLimits
{
    /// <summary>The longest narrative a note field (or an addendum) may hold.</summary>
    public const int TextMaxLength = 50_000;

    /// <summary>A message for a text past the limit that says by how much, so the writer knows what to cut.</summary>
    public static string TooLong(string field, int length) =>
        $"{field} can be at most {TextMaxLength:N0} characters; this one has {length:N0}. Shorten it by {length - TextMaxLength:N0} characters, or continue in an addendum after signing.";
}
