namespace KapClinic.Core.Auditing;

public enum AuditOutcome
{
    Success,
    Failure,
    Denied,
}
