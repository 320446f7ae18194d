using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using KapClinic.DataGenerator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Soak;

/// <summary>The load's signed-in people: the generator's load users, or users made here for the demo clinic.</summary>
public static class LoadUsers
{
    /// <summary>GeneratedUsers.Clinician(1..) and GeneratedUsers.Staff(1..5): as many as the run asks for.</summary>
    public static async Task<IReadOnlyList<LoadUser>> GeneratedAsync(IServiceProvider services, SoakOptions options, CancellationToken cancellationToken)
    {
        var staff = Math.Min(GeneratedUsers.StaffCount, options.StaffUsers);
        var clinicians = Math.Min(GeneratedUsers.ClinicianCount, options.Users - staff);
        var emails = Enumerable.Range(1, clinicians).Select(n => (Email: GeneratedUsers.Clinician(n), Staff: false))
            .Concat(Enumerable.Range(1, staff).Select(n => (Email: GeneratedUsers.Staff(n), Staff: true))).ToList();
        var normalized = emails.Select(e => e.Email.ToUpperInvariant()).ToList();
        var ids = await services.GetRequiredService<KapClinicDbContext>().Users.AsNoTracking()
            .Where(u => normalized.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, cancellationToken);
        return [.. emails.Select(e => new LoadUser(ids[e.Email.ToUpperInvariant()], e.Email, e.Staff))];
    }

    /// <summary>Clinicians and Staff made through the user service, enrolled with one known authenticator secret.</summary>
    public static async Task<IReadOnlyList<LoadUser>> CreateAsync(
        IServiceProvider services, SoakOptions options, string password, string mfaSecret, CancellationToken cancellationToken)
    {
        var administration = services.GetRequiredService<UserAdministration>();
        var mfa = services.GetRequiredService<MfaEnrolment>();
        var users = new List<LoadUser>();
        for (var i = 1; i <= options.Users; i++)
        {
            var staff = i > options.Users - options.StaffUsers;
            var email = staff ? $"soak-staff-{i:000}@clinic.test" : $"soak-clinician-{i:000}@clinic.test";
            var id = await administration.CreateAsync(
                new NewUserInput
                {
                    Email = email,
                    DisplayName = staff ? $"Soak Staff {i}" : $"Soak Clinician {i}",
                    Password = password,
                    IsClinician = !staff,
                    IsStaff = staff,
                },
                cancellationToken);
            await mfa.EnrolWithKnownSecretAsync(id, mfaSecret);
            users.Add(new LoadUser(id, email, staff));
        }

        return users;
    }
}
