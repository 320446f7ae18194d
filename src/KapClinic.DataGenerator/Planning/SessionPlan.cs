namespace KapClinic.DataGenerator.Planning;

/// <summary>One appointment and, when it took place, its note. Kept small: the large profile holds a million.</summary>
internal struct SessionPlan
{
    public Guid Id; // the note's id (and the dosing session's)
    public Guid AppointmentId;
    public DateTime Start;
    public int Course;
    public short Clinician;
    public byte Hours;
    public SessionKind Kind;
    public VisitStatus Status;
    public byte Number; // 1-based, per kind within the course
    public byte Readings; // dosing only
    public int Lot; // dosing only: index into the lot list
}
