namespace KapClinic.Web.Tests.Security.Support;

/// <summary>Who makes a request in the security tests: nobody, or one of the demo clinic's users.</summary>
public enum Caller
{
    Anonymous,
    Admin,

    /// <summary>A clinician who is not a prescriber (the demo nurse).</summary>
    Clinician,

    /// <summary>A prescribing clinician (the demo prescriber, also a supervisor).</summary>
    Prescriber,
    Staff,
}
