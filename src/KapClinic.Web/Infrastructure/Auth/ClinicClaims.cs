namespace KapClinic.Web.Infrastructure.Auth;

/// <summary>Claims the app adds to the sign-in cookie besides Identity's own.</summary>
public static class ClinicClaims
{
    public const string DisplayName = "kap:name";
    public const string SignatureName = "kap:signature";
    public const string Prescriber = "kap:prescriber";
    public const string Supervisor = "kap:supervisor";

    /// <summary>When the password was checked (Unix seconds); the 12-hour absolute lifetime counts from it.</summary>
    public const string AuthenticatedAt = "kap:auth_time";

    /// <summary>
    /// "true" while a user who must have a second factor has not set one up: <see cref="MfaEnrolmentGate"/> then sends every
    /// request to the enrolment page. Set when the cookie is issued; enrolling issues a new cookie without it.
    /// </summary>
    public const string MfaEnrolmentRequired = "kap:mfa_enrol";
}
