namespace KapClinic.DataGenerator.Planning;

/// <summary>An appointment's status; only <see cref="Completed"/> visits have a note (and, for dosing, a session).</summary>
internal enum VisitStatus : byte
{
    Completed,
    Booked,
    Cancelled,
    NoShow,
}
