namespace KapClinic.Core.Courses;

public enum DrugKind
{
    Ketamine,
    Esketamine,
}
