namespace KapClinic.Core.Users;

/// <summary>The three roles of the clinic. Clinician carries flags (prescriber, supervisor) on the user.</summary>
public static class ClinicRoles
{
    public const string Admin = "Admin";
    public const string Clinician = "Clinician";
    public const string Staff = "Staff";

    public static IReadOnlyList<string> All { get; } = [Admin, Clinician, Staff];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
