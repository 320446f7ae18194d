namespace KapClinic.Core.Dosing.Rems;

/// <summary>A REMS form submitted recently: which session, when submitted and the confirmation number.</summary>
public sealed record RemsSubmittedItem(
    Guid SessionId, Guid PatientId, string PatientName, string Mrn, DateOnly SessionDate, DateOnly SubmittedOn, string ConfirmationNumber)
{
    public bool WasLate => SubmittedOn > SessionDate.AddDays(RemsForm.DueWithinDays);
}
