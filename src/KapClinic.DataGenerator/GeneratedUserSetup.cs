using Bogus;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using KapClinic.DataGenerator.Writing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.DataGenerator;

/// <summary>
/// Makes the <see cref="GeneratedUsers"/> through the real code path (UserAdministration.CreateAsync, then
/// MfaEnrolment.EnrolWithKnownSecretAsync), as an Admin would; users that already exist (an earlier, interrupted run) are kept.
/// </summary>
internal static class GeneratedUserSetup
{
    private static readonly string[] PrescriberCredentials = ["MD", "DO", "NP"];
    private static readonly string[] OtherCredentials = ["RN", "LCSW", "PhD", "LMFT", "RN"];

    public static async Task<StaffDirectory> EnsureAsync(string ownerConnectionString, ScaleProfile profile, int seed, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKapClinicCore(ownerConnectionString);
        services.AddIdentityCore<ClinicUser>()
            .AddRoles<IdentityRole<Guid>>()
            .AddUserStore<ClinicUserStore>()
            .AddRoleStore<RoleStore<IdentityRole<Guid>, KapClinicDbContext, Guid>>()
            .AddTokenProvider<AuthenticatorCodeProvider>(TokenOptions.DefaultAuthenticatorProvider);
        await using var provider = services.BuildServiceProvider();
        var faker = new Faker("fr") { Random = new Randomizer(seed) };
        var names = new string[profile.Clinicians];
        var credentials = new string[profile.Clinicians];
        var clinicians = new Guid[profile.Clinicians];
        for (var i = 0; i < profile.Clinicians; i++)
        {
            var n = i + 1;
            var prescriber = GeneratedUsers.IsPrescriber(n);
            credentials[i] = prescriber ? PrescriberCredentials[i % 3] : OtherCredentials[i % 5];
            names[i] = $"{(credentials[i] is "MD" or "DO" ? "Dr. " : string.Empty)}{faker.Name.FirstName()} {faker.Name.LastName()}";
            clinicians[i] = await EnsureUserAsync(provider, GeneratedUsers.Clinician(n), names[i], credentials[i], ClinicRoles.Clinician, prescriber, n == 1, cancellationToken);
        }

        var admin = await EnsureUserAsync(provider, GeneratedUsers.Admin, "Load Admin", null, ClinicRoles.Admin, false, false, cancellationToken);
        var staff = new Guid[profile.StaffUsers];
        for (var i = 0; i < staff.Length; i++)
        {
            staff[i] = await EnsureUserAsync(provider, GeneratedUsers.Staff(i + 1), $"Front Desk {i + 1}", null, ClinicRoles.Staff, false, false, cancellationToken);
        }

        return new StaffDirectory(admin, staff, clinicians, names, credentials);
    }

    private static async Task<Guid> EnsureUserAsync(
        ServiceProvider provider, string email, string name, string? credentials, string role, bool prescriber, bool supervisor, CancellationToken cancellationToken)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var normalized = email.ToUpperInvariant();
        var existing = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        id = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(
            new NewUserInput
            {
                Email = email,
                DisplayName = name,
                Credentials = credentials,
                Password = GeneratedUsers.Password,
                IsAdmin = role == ClinicRoles.Admin,
                IsClinician = role == ClinicRoles.Clinician,
                IsStaff = role == ClinicRoles.Staff,
                IsPrescriber = prescriber,
                IsSupervisor = supervisor,
            },
            cancellationToken);
        await scope.ServiceProvider.GetRequiredService<MfaEnrolment>().EnrolWithKnownSecretAsync(id, GeneratedUsers.MfaSecret);
        return id;
    }
}
