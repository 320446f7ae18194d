namespace KapClinic.Core.Notes;

/// <summary>
/// Who is signing, as the user record says at the moment of signing (name and credentials are copied into the
/// signature, so a later change of name does not rewrite history).
/// </summary>
public sealed record NoteSigner(Guid Id, string Name, string? Credentials, bool IsSupervisor)
{
    public string SignatureName => FormatName(Name, Credentials);

    public static string FormatName(string name, string? credentials) =>
        string.IsNullOrWhiteSpace(credentials) ? name : $"{name}, {credentials}";
}
