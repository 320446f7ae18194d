namespace KapClinic.Core.Users.Mfa;

/// <summary>Who must sign in with a second factor: Admins and Clinicians always, Staff when the clinic's setting says so.</summary>
public static class MfaRequirement
{
    public static bool IsRequired(IEnumerable<string> roles, bool requiredForStaff)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var list = roles.ToList();
        return list.Contains(ClinicRoles.Admin) || list.Contains(ClinicRoles.Clinician)
            || (requiredForStaff && list.Contains(ClinicRoles.Staff));
    }
}
