using System.Globalization;
using OtpNet;

namespace KapClinic.Core.Users.Mfa;

/// <summary>
/// Time-based one-time passwords as authenticator apps make them (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits).
/// A code is accepted for the current step and one step either side (clock drift); which step matched is returned
/// so the caller can refuse it the second time.
/// </summary>
public static class TotpCodes
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>A new random secret: 20 bytes (160 bits, RFC 4226's recommendation), base32 as apps expect.</summary>
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code an authenticator app shows for <paramref name="step"/>.</summary>
    public static string CodeForStep(string secret, long step) =>
        Totp(secret).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime);

    public static string CodeAt(string secret, DateTimeOffset at) => CodeForStep(secret, StepAt(at));

    /// <summary>The step whose code is <paramref name="code"/> (now, or one step before or after), or null.</summary>
    public static long? MatchingStep(string secret, string? code, DateTimeOffset now)
    {
        var digits = Normalize(code);
        if (digits.Length != Digits || !digits.All(char.IsAsciiDigit) || string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        var totp = Totp(secret);
        return totp.VerifyTotp(now.UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>What a person typed, without the spaces and dashes apps show inside a code.</summary>
    public static string Normalize(string? code) =>
        new((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>The otpauth:// URI an authenticator app reads from the QR code.</summary>
    public static string OtpAuthUri(string issuer, string account, string secret) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}");

    /// <summary>The secret in groups of four, easier to type into an app by hand.</summary>
    public static string Grouped(string secret) =>
        string.Join(' ', secret.Chunk(4).Select(chunk => new string(chunk)));

    private static Totp Totp(string secret) =>
        new(Base32Encoding.ToBytes(secret.Replace(" ", string.Empty, StringComparison.Ordinal)), StepSeconds, OtpHashMode.Sha1, Digits);
}
