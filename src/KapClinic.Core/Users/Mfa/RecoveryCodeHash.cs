using System.Security.Cryptography;
using System.Text;

namespace KapClinic.Core.Users.Mfa;

/// <summary>
/// Recovery codes are stored only as hashes (PBKDF2-SHA256, salted with the user's id), like passwords: a copy of the
/// database does not give anyone a way past the second factor. One hash per attempt, compared with each stored one.
/// </summary>
public static class RecoveryCodeHash
{
    private const int Iterations = 100_000;
    private const string Version = "v1$";

    public static string Of(Guid userId, string code)
    {
        var salt = Encoding.UTF8.GetBytes("kapclinic-recovery-code:" + userId.ToString("N"));
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Normalize(code)), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return Version + Convert.ToBase64String(hash);
    }

    public static bool AreEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    /// <summary>Codes are shown as "ABCDE-FGHJK"; case, spaces and the dash do not matter when typed back.</summary>
    public static string Normalize(string? code) =>
        new((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
}
