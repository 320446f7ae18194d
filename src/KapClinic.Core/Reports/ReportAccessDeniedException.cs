namespace KapClinic.Core.Reports;

/// <summary>The requester's role may not run this report (the page answers 403; the attempt is audited).</summary>
public sealed class ReportAccessDeniedException : Exception
{
    public ReportAccessDeniedException()
    {
    }

    public ReportAccessDeniedException(string message)
        : base(message)
    {
    }

    public ReportAccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
