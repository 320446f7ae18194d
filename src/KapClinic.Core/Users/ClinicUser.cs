using KapClinic.Core.Auditing;
using Microsoft.AspNetCore.Identity;

namespace KapClinic.Core.Users;

/// <summary>
/// A person who signs in. The email is the user name. Clinician flags and credentials live here so a
/// signature can show "Dr A. Rivera, MD" without a join.
/// </summary>
public class ClinicUser : IdentityUser<Guid>, IAuditable
{
    public const int DisplayNameMaxLength = 100;
    public const int CredentialsMaxLength = 20;

    private ClinicUser()
    {
        DisplayName = string.Empty;
    }

    public ClinicUser(string email, string displayName, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        Id = Guid.CreateVersion7();
        Email = email.Trim();
        UserName = Email;
        DisplayName = displayName.Trim();
        CreatedAt = createdAt;
        SecurityStamp = Guid.NewGuid().ToString("N");
        ConcurrencyStamp = Guid.NewGuid().ToString("N");
        LockoutEnabled = true;
    }

    public string DisplayName { get; private set; }

    /// <summary>Professional credentials shown beside signatures, e.g. "MD", "NP", "LCSW".</summary>
    public string? Credentials { get; private set; }

    public bool IsPrescriber { get; private set; }

    public bool IsSupervisor { get; private set; }

    public bool IsDisabled { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The last authenticator time step (Unix time / 30 s) whose code was accepted; a code of this step or an
    /// earlier one is refused, so a code seen over someone's shoulder cannot be used again.
    /// </summary>
    public long? MfaLastUsedStep { get; private set; }

    /// <summary>"Dr A. Rivera, MD": the name as it appears beside a signature.</summary>
    public string SignatureName => string.IsNullOrWhiteSpace(Credentials) ? DisplayName : $"{DisplayName}, {Credentials}";

    public string AuditEntityType => "User";

    public Guid AuditEntityId => Id;

    /// <summary>
    /// Sets the name, credentials and flags. These travel in the sign-in cookie (signatures, prescriber checks),
    /// so a change ends the user's sessions: the next sign-in carries the new values.
    /// </summary>
    public void UpdateProfile(string displayName, string? credentials, bool isPrescriber, bool isSupervisor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        var name = displayName.Trim();
        var creds = string.IsNullOrWhiteSpace(credentials) ? null : credentials.Trim();
        var changed = name != DisplayName || creds != Credentials || isPrescriber != IsPrescriber || isSupervisor != IsSupervisor;
        DisplayName = name;
        Credentials = creds;
        IsPrescriber = isPrescriber;
        IsSupervisor = isSupervisor;
        if (changed)
        {
            EndAllSessions();
        }
    }

    /// <summary>Clinician flags mean nothing without the Clinician role; clear them when it is taken away.</summary>
    public void ClearClinicianFlags()
    {
        IsPrescriber = false;
        IsSupervisor = false;
    }

    public void Disable()
    {
        IsDisabled = true;
        EndAllSessions();
    }

    public void Enable() => IsDisabled = false;

    /// <summary>
    /// Turns the second factor off (the authenticator key and recovery codes are removed by the caller) and ends
    /// every session; a user who must have one enrols again at their next sign-in.
    /// </summary>
    public void ResetMfa()
    {
        TwoFactorEnabled = false;
        MfaLastUsedStep = null;
        EndAllSessions();
    }

    /// <summary>Every signed-in cookie carries the security stamp; a new stamp makes them all invalid.</summary>
    public void EndAllSessions() => SecurityStamp = Guid.NewGuid().ToString("N");
}
