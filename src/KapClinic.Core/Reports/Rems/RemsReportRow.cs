using KapClinic.Core.Dosing.Rems;

namespace KapClinic.Core.Reports.Rems;

/// <summary>One dosed esketamine session's REMS Patient Monitoring Form: the patient, the session's day, when the form is due, where it stands, and its submission.</summary>
public sealed record RemsReportRow(
    string Mrn, string Initials, DateOnly SessionDate, DateOnly DueOn, RemsStatus Status, DateOnly? SubmittedOn, string? ConfirmationNumber, string? SubmittedBy);
