using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// Patients waiting for a dosing slot. When a dosing appointment is cancelled, <see cref="OfferAsync"/> gives the freed
/// slot and the waiting patients free at that time; <see cref="BookFromWaitlistAsync"/> books one of them into it.
/// </summary>
public sealed class WaitlistService(
    KapClinicDbContext db,
    BookingChecks checks,
    AppointmentConflicts conflicts,
    WaitlistQueries queries,
    WaitlistRemoval removal,
    IValidator<AddToWaitlistInput> validator,
    TimeProvider clock)
{
    public const string AlreadyWaiting = "This patient is already on the waitlist.";

    public async Task<Guid> AddAsync(AddToWaitlistInput input, Guid actingUserId, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var patientId = input.PatientId!.Value;
        await checks.PatientAsync(patientId, nameof(input.PatientId), cancellationToken);
        await checks.CourseAsync(input.CourseId, patientId, nameof(input.CourseId), cancellationToken);
        if (await db.WaitlistEntries.AnyAsync(w => w.PatientId == patientId && w.Status == WaitlistStatus.Waiting, cancellationToken))
        {
            throw new RuleViolationException(nameof(input.PatientId), AlreadyWaiting);
        }

        var entry = new WaitlistEntry(patientId, input.CourseId, input.Note, actingUserId, clock.GetUtcNow());
        db.WaitlistEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new RuleViolationException(nameof(input.PatientId), AlreadyWaiting);
        }

        return entry.Id;
    }

    /// <summary>Takes a waiting patient off the list (kept, marked removed, for the audit trail).</summary>
    public Task RemoveAsync(Guid entryId, CancellationToken cancellationToken = default) => removal.RemoveAsync(entryId, cancellationToken);

    /// <summary>Everyone waiting, longest-waiting first.</summary>
    public Task<IReadOnlyList<WaitlistItem>> ListWaitingAsync(CancellationToken cancellationToken = default) => queries.ListWaitingAsync(cancellationToken);

    /// <summary>
    /// For a cancelled dosing appointment still in the future: its slot and the waiting patients with nothing else
    /// booked then. Null when there is nothing to offer (not dosing, not cancelled, or already past).
    /// </summary>
    public async Task<SlotOffer?> OfferAsync(Guid cancelledAppointmentId, CancellationToken cancellationToken = default)
    {
        var slot = await FreedSlotAsync(cancelledAppointmentId, cancellationToken);
        if (slot is null)
        {
            return null;
        }

        var busyPatients = await db.Appointments.AsNoTracking()
            .Where(a => a.Status != AppointmentStatus.Cancelled && a.StartsAt < slot.EndsAt && slot.StartsAt < a.EndsAt)
            .Select(a => a.PatientId).ToListAsync(cancellationToken);
        var waiting = await queries.ListWaitingAsync(cancellationToken);
        return new SlotOffer(slot, [.. waiting.Where(w => !busyPatients.Contains(w.PatientId))]);
    }

    /// <summary>Books the waiting patient into the cancelled appointment's slot and marks the entry booked, in one transaction.</summary>
    public async Task<Guid> BookFromWaitlistAsync(Guid entryId, Guid cancelledAppointmentId, Guid actingUserId, CancellationToken cancellationToken = default)
    {
        var entry = await db.WaitlistEntries.SingleOrDefaultAsync(w => w.Id == entryId, cancellationToken)
            ?? throw new NotFoundException("That waitlist entry does not exist.");
        var slot = await FreedSlotAsync(cancelledAppointmentId, cancellationToken)
            ?? throw new RuleViolationException("This slot can no longer be offered: the appointment is not a cancelled dosing session in the future.");
        await checks.PatientAsync(entry.PatientId, "WaitlistEntryId", cancellationToken);
        var course = await checks.CourseAsync(entry.CourseId, entry.PatientId, "WaitlistEntryId", cancellationToken);

        var appointment = new Appointment(
            entry.PatientId, AppointmentType.Dosing, slot.ClinicianId, slot.PrescriberId, slot.RoomId, slot.StartsAt, slot.EndsAt,
            course?.Id, actingUserId, clock.GetUtcNow());
        Apply(() => entry.MarkBooked(appointment.Id));
        db.Appointments.Add(appointment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Someone booked or removed this waitlist entry meanwhile (its xmin changed): one booking only.
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException("Someone else booked or removed this waitlist entry a moment ago. Reload the list to see what is left.", ex);
        }
        catch (DbUpdateException ex) when (AppointmentConflicts.IsOverlap(ex))
        {
            throw await conflicts.ExplainAsync(
                new ProposedSlot(entry.PatientId, slot.ClinicianId, slot.RoomId, slot.StartsAt, slot.EndsAt), ex, cancellationToken);
        }

        return appointment.Id;
    }

    /// <summary>The cancelled dosing appointment's slot, if it is still ahead and nobody has taken its room or clinician since.</summary>
    private async Task<FreedSlot?> FreedSlotAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        await db.Appointments.AsNoTracking()
            .Where(a => a.Id == appointmentId && a.Status == AppointmentStatus.Cancelled && a.Type == AppointmentType.Dosing && a.StartsAt > clock.GetUtcNow())
            .Where(a => !db.Appointments.Any(o => o.Status != AppointmentStatus.Cancelled && o.StartsAt < a.EndsAt && a.StartsAt < o.EndsAt
                && (o.ClinicianId == a.ClinicianId || (a.RoomId != null && o.RoomId == a.RoomId))))
            .Select(a => new FreedSlot(
                a.Id, a.StartsAt, a.EndsAt, a.RoomId, db.Rooms.Where(r => r.Id == a.RoomId).Select(r => r.Name).FirstOrDefault(),
                a.ClinicianId, db.Users.Where(u => u.Id == a.ClinicianId).Select(u => u.DisplayName).FirstOrDefault() ?? "The clinician",
                a.PrescriberId))
            .SingleOrDefaultAsync(cancellationToken);

    private static void Apply(Action change)
    {
        try
        {
            change();
        }
        catch (InvalidOperationException ex)
        {
            throw new RuleViolationException(ex.Message, ex);
        }
    }
}
