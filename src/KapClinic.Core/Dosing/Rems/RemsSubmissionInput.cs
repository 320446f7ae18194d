namespace KapClinic.Core.Dosing.Rems;

/// <summary>The "Mark as submitted" form: the date the form was submitted to the REMS and its confirmation number.</summary>
public sealed class RemsSubmissionInput
{
    public DateOnly? SubmittedOn { get; set; }

    public string? ConfirmationNumber { get; set; }
}
