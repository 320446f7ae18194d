namespace KapClinic.Core.Screening;

public enum ScreeningAnswer
{
    Unknown,
    No,
    Yes,
}
