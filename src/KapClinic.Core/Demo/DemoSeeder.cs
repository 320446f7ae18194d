using System.Security.Cryptography;
using System.Text;
using KapClinic.Core.Data;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Demo;

/// <summary>
/// Demo data for a developer's machine: users of every role (three clinicians), all with <see cref="Password"/> and an
/// authenticator enrolled with <see cref="MfaSecretFor"/>, a clinic
/// of patients with their notes and dosing sessions (<see cref="DemoClinicSeeder"/>) and its calendar (<see cref="DemoScheduleSeeder"/>). The host runs it
/// only in Development, only when enabled, and only on a database that holds no users.
/// </summary>
public sealed class DemoSeeder(
    KapClinicDbContext db,
    UserAdministration users,
    MfaEnrolment mfa,
    ClinicSettingsService settings,
    DemoClinicSeeder clinic,
    DemoScheduleSeeder schedule)
{
    public const string Password = "demo-lantern-orchard-7";
    public const string PrescriberEmail = "clinician@kapclinic.test";
    public const string NurseEmail = "nurse@kapclinic.test";
    public const string TherapistEmail = "therapist@kapclinic.test";

    public static IReadOnlyList<(string Email, string Name, string? Credentials, string Role, bool Prescriber, bool Supervisor)> Users { get; } =
    [
        ("admin@kapclinic.test", "Avery Admin", null, ClinicRoles.Admin, false, false),
        (PrescriberEmail, "Dr. Camila Núñez", "MD", ClinicRoles.Clinician, true, true),
        ("staff@kapclinic.test", "Sam Front-Desk", null, ClinicRoles.Staff, false, false),
        (NurseEmail, "Riley Chen", "RN", ClinicRoles.Clinician, false, false),
        (TherapistEmail, "Jordan Ellis", "LCSW", ClinicRoles.Clinician, false, false),
    ];

    /// <summary>
    /// The demo users' authenticator secret, fixed and published (it is in this source file): base32 of the first 20 bytes
    /// of SHA-256("kapclinic-demo-mfa:" + email). `./build.sh code EMAIL` prints the current code, or add the secret to an app.
    /// </summary>
    public static string MfaSecretFor(string email) =>
        OtpNet.Base32Encoding.ToString(SHA256.HashData(Encoding.UTF8.GetBytes("kapclinic-demo-mfa:" + email.Trim().ToLowerInvariant()))[..20]);

    public static bool IsDemoUser(string email) =>
        Users.Any(u => string.Equals(u.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <returns>True when it seeded; false when the database already had users.</returns>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        await settings.UpdateAsync(new ClinicSettingsInput { ClinicName = "Lakeside KAP Clinic", TimeZoneId = ClinicSettings.DefaultTimeZoneId }, cancellationToken);
        foreach (var (email, name, credentials, role, prescriber, supervisor) in Users)
        {
            var id = await users.CreateAsync(
                new NewUserInput
                {
                    Email = email,
                    DisplayName = name,
                    Credentials = credentials,
                    Password = Password,
                    IsAdmin = role == ClinicRoles.Admin,
                    IsClinician = role == ClinicRoles.Clinician,
                    IsStaff = role == ClinicRoles.Staff,
                    IsPrescriber = prescriber,
                    IsSupervisor = supervisor,
                },
                cancellationToken);
            await mfa.EnrolWithKnownSecretAsync(id, MfaSecretFor(email));
        }

        await clinic.SeedAsync(cancellationToken);
        await schedule.SeedAsync(PrescriberEmail, NurseEmail, TherapistEmail, cancellationToken);
        return true;
    }
}
