namespace KapClinic.Core.Notes;

/// <summary>What a signature means, stored beside it (21 CFR 11-style "meaning of the signature").</summary>
public static class SignatureMeanings
{
    public const string Authored = "authored";
    public const string AuthoredAddendum = "authored addendum";
    public const string CoSigned = "co-signed as supervisor";
}
