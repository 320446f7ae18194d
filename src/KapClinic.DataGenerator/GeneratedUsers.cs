using System.Globalization;

namespace KapClinic.DataGenerator;

/// <summary>
/// The users in every generated database, made through the real user service and enrolled in MFA with
/// <see cref="MfaSecret"/>, so the bench and soak tools can sign in as them (password, then a TOTP code).
/// </summary>
public static class GeneratedUsers
{
    public const int ClinicianCount = 50;
    public const int StaffCount = 5;

    /// <summary>Every load user's password.</summary>
    public const string Password = "scale-harbor-lantern-58";

    /// <summary>Every load user's authenticator secret (base32, 20 bytes).</summary>
    public const string MfaSecret = "KAPCLINICSCALELOADUSERSECRETMFA2";

    public const string Admin = "load.admin@kapclinic.test";

    /// <summary>load.clinician01@kapclinic.test ... load.clinician50@kapclinic.test.</summary>
    public static string Clinician(int n) => n is >= 1 and <= 99
        ? $"load.clinician{n.ToString("00", CultureInfo.InvariantCulture)}@kapclinic.test"
        : throw new ArgumentOutOfRangeException(nameof(n), n, "Clinicians are numbered 1 to 99.");

    /// <summary>load.staff1@kapclinic.test ... load.staff5@kapclinic.test.</summary>
    public static string Staff(int n) => n is >= 1 and <= 9
        ? $"load.staff{n.ToString(CultureInfo.InvariantCulture)}@kapclinic.test"
        : throw new ArgumentOutOfRangeException(nameof(n), n, "Staff are numbered 1 to 9.");

    /// <summary>Clinicians 1, 6, 11, ... (one in five) are prescribers; clinician 1 also supervises.</summary>
    public static bool IsPrescriber(int n) => n % 5 == 1;

    /// <summary>Whether an email is one of this generator's users.</summary>
    public static bool IsGenerated(string email) =>
        email.StartsWith("load.", StringComparison.OrdinalIgnoreCase) && email.EndsWith("@kapclinic.test", StringComparison.OrdinalIgnoreCase);
}
