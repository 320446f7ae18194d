namespace KapClinic.Core.Notes;

/// <summary>How a therapy session was held.</summary>
public enum SessionModality
{
    InPerson,
    Telehealth,
}
