namespace KapClinic.Core.Scheduling;

/// <summary>
/// PostgreSQL refused a booking because the room, the clinician or the patient is already in another appointment
/// then (an exclusion constraint). Carries what is busy, in words, and the next free slots to offer instead.
/// </summary>
public sealed class BookingConflictException : Exception
{
    public BookingConflictException()
        : this("That time is already taken.")
    {
    }

    public BookingConflictException(string message)
        : base(message)
    {
    }

    public BookingConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BookingConflictException(IReadOnlyList<string> reasons, IReadOnlyList<FreeSlot> nextFreeSlots, Exception? innerException)
        : base("That time is already taken. " + string.Join(" ", reasons), innerException)
    {
        Reasons = reasons;
        NextFreeSlots = nextFreeSlots;
    }

    /// <summary>One sentence per busy room, clinician or patient, with the time in the clinic's zone.</summary>
    public IReadOnlyList<string> Reasons { get; } = [];

    public IReadOnlyList<FreeSlot> NextFreeSlots { get; } = [];
}
