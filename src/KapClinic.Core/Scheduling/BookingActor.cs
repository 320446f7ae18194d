namespace KapClinic.Core.Scheduling;

/// <summary>Who books: only an Admin may confirm a booking outside working hours or in the past.</summary>
public sealed record BookingActor(Guid UserId, bool IsAdmin);
