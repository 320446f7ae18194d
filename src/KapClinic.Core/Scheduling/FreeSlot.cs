namespace KapClinic.Core.Scheduling;

/// <summary>A time the room, the clinician and the patient are all free, inside the clinician's hours.</summary>
public sealed record FreeSlot(DateTimeOffset StartsAt, DateTimeOffset EndsAt);
