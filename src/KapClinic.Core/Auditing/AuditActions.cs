namespace KapClinic.Core.Auditing;

/// <summary>Names of the explicit audit events, in one place so reports and tests agree on them.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "SignIn.Succeeded";
    public const string SignInFailed = "SignIn.Failed";
    public const string SignInLockedOut = "SignIn.LockedOut";
    public const string SignOut = "SignOut";

    /// <summary>A user's open sessions were ended by an account change (disabled, roles, profile, password).</summary>
    public const string SessionsRevoked = "Sessions.Revoked";
    /// <summary>Someone signed in with a recovery code instead of an authenticator code (that code is now used up).</summary>
    public const string SignInRecoveryCodeUsed = "SignIn.RecoveryCodeUsed";

    /// <summary>A user set up their authenticator app (and was given new recovery codes).</summary>
    public const string UserMfaEnrolled = "User.MfaEnrolled";

    /// <summary>A user's second factor was removed (by an Admin, or by the user); they enrol again at next sign-in.</summary>
    public const string UserMfaReset = "User.MfaReset";

    /// <summary>A user replaced their recovery codes (the old ones stop working).</summary>
    public const string UserRecoveryCodesRenewed = "User.RecoveryCodesRenewed";

    /// <summary>A user changed their own password (after giving the current one).</summary>
    public const string UserPasswordChanged = "User.PasswordChanged";

    /// <summary>A wrong current password was given to confirm a change to one's own account security.</summary>
    public const string UserReauthenticationFailed = "User.ReauthenticationFailed";
    public const string AccessDenied = "Access.Denied";
    public const string PatientChartViewed = "Patient.ChartViewed";
    public const string PatientViewed = "Patient.Viewed";
    public const string PatientSearched = "Patient.Searched";

    /// <summary>Someone opened a patient's list of sessions (dates, kinds, clinicians; no note text).</summary>
    public const string PatientSessionsViewed = "Patient.SessionsViewed";

    /// <summary>Someone opened a clinical note (its text was shown).</summary>
    public const string NoteViewed = "Note.Viewed";
    /// <summary>A prescriber overrode a dosing-session safety gate (the reason is on the session).</summary>
    public const string DosingGateOverridden = "Dosing.GateOverridden";

    /// <summary>A wrong password was given to confirm a gate override.</summary>
    public const string DosingOverrideRefused = "Dosing.OverrideRefused";

    public const string CalendarFeedRead = "CalendarFeed.Read";

    /// <summary>Someone exported a controlled-substance record (report, filters, row count and format in the detail).</summary>
    public const string InventoryRecordExported = "Inventory.RecordExported";

    /// <summary>Someone generated and signed the inventory report (the biennial inventory).</summary>
    public const string InventoryReportSigned = "Inventory.ReportSigned";

    /// <summary>A report shown on screen (its first rows and totals): report key, filters, rows shown.</summary>
    public const string ReportPreviewed = "Report.Previewed";

    /// <summary>A report exported: report key, format, filters, rows written; Failure when it stopped part-way.</summary>
    public const string ReportExported = "Report.Exported";
}
