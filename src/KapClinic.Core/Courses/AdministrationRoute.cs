namespace KapClinic.Core.Courses;

public enum AdministrationRoute
{
    Intravenous,
    Intramuscular,
    Sublingual,
    Oral,
    Intranasal,
}
