namespace KapClinic.Core.Dosing.Rems;

/// <summary>That the form was submitted: on which date, the confirmation number, who recorded it and when.</summary>
public sealed record RemsSubmissionInfo(DateOnly SubmittedOn, string ConfirmationNumber, string RecordedByName, DateTimeOffset RecordedAt);
