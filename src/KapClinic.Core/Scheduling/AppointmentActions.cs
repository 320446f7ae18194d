using FluentValidation;
using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// An appointment's page and its status moves: check-in, start, complete, no-show and cancel (with a reason). Each move
/// carries the version the user saw. Cancelling a future dosing session frees its slot for the waitlist.
/// </summary>
public sealed class AppointmentActions(
    KapClinicDbContext db,
    WaitlistService waitlist,
    ClinicSettingsService settings,
    AuditLog audit,
    IValidator<CancelAppointmentInput> cancelValidator,
    TimeProvider clock)
{
    /// <summary>The appointment with its names. A page showing it calls <see cref="RecordViewAsync"/> once access is checked.</summary>
    public async Task<AppointmentDetails> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Appointments.AsNoTracking().Where(a => a.Id == id)
            .Join(db.Patients, a => a.PatientId, p => p.Id, (a, p) => new
            {
                A = a, p.LegalFirstName, p.LegalLastName, p.PreferredName, p.Mrn,
                Clinician = db.Users.Where(u => u.Id == a.ClinicianId).Select(u => u.DisplayName).FirstOrDefault(),
                Prescriber = db.Users.Where(u => u.Id == a.PrescriberId).Select(u => u.DisplayName).FirstOrDefault(),
                Room = db.Rooms.Where(r => r.Id == a.RoomId).Select(r => r.Name).FirstOrDefault(),
                Protocol = db.TreatmentCourses.Where(c => c.Id == a.CourseId).Join(db.Protocols, c => c.ProtocolId, pr => pr.Id, (_, pr) => pr.Name).FirstOrDefault(),
                CreatedBy = db.Users.Where(u => u.Id == a.CreatedBy).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That appointment does not exist.");
        var a = row.A;
        return new AppointmentDetails(
            a.Id, a.PatientId, Patient.FormatName(row.LegalFirstName, row.LegalLastName, row.PreferredName), row.Mrn, a.Type, a.Status,
            a.StartsAt, a.EndsAt, a.ClinicianId, row.Clinician ?? "(unknown user)", a.PrescriberId, row.Prescriber, a.RoomId, row.Room,
            a.CourseId, row.Protocol, a.CancelReason, a.CheckedInAt, row.CreatedBy ?? "(unknown user)", a.CreatedAt, a.Version);
    }

    /// <summary>Records that the user viewed the appointment (it names a patient).</summary>
    public async Task RecordViewAsync(AppointmentDetails appointment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        await audit.RecordAsync(
            SchedulingAuditActions.AppointmentViewed, AuditOutcome.Success, entityType: "Appointment", entityId: appointment.Id,
            patientId: appointment.PatientId, cancellationToken: cancellationToken);
    }

    /// <summary>Cancels with a reason; for a future dosing session, returns the freed slot and who on the waitlist could take it.</summary>
    public async Task<SlotOffer?> CancelAsync(Guid id, CancelAppointmentInput input, CancellationToken cancellationToken = default)
    {
        await cancelValidator.ValidateAndThrowAsync(input, cancellationToken);
        var appointment = await FindAsync(id, input.Version, cancellationToken);
        Apply(() => appointment.Cancel(input.Reason!));
        await SaveAsync(appointment, input.Version, cancellationToken);
        return appointment.Type == AppointmentType.Dosing ? await waitlist.OfferAsync(id, cancellationToken) : null;
    }

    /// <summary>Check-in is on the appointment's day (clinic time), not days ahead.</summary>
    public async Task CheckInAsync(Guid id, uint version, CancellationToken cancellationToken = default)
    {
        var appointment = await FindAsync(id, version, cancellationToken);
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var now = clock.GetUtcNow();
        if (ClinicTimes.DateOf(appointment.StartsAt, zone) > ClinicTimes.DateOf(now, zone))
        {
            throw new RuleViolationException(
                $"This appointment is on {ClinicTimes.FormatDate(ClinicTimes.DateOf(appointment.StartsAt, zone))}; the patient can be checked in on that day.");
        }

        Apply(() => appointment.CheckIn(now));
        await SaveAsync(appointment, version, cancellationToken);
    }

    public async Task StartAsync(Guid id, uint version, CancellationToken cancellationToken = default) =>
        await MoveAsync(id, version, a => a.Start(), cancellationToken);

    public async Task CompleteAsync(Guid id, uint version, CancellationToken cancellationToken = default) =>
        await MoveAsync(id, version, a => a.Complete(), cancellationToken);

    /// <summary>A no-show is recorded once the start time has passed.</summary>
    public async Task MarkNoShowAsync(Guid id, uint version, CancellationToken cancellationToken = default)
    {
        var appointment = await FindAsync(id, version, cancellationToken);
        if (appointment.StartsAt > clock.GetUtcNow())
        {
            throw new RuleViolationException("A no-show can be recorded only once the appointment's start time has passed.");
        }

        Apply(appointment.MarkNoShow);
        await SaveAsync(appointment, version, cancellationToken);
    }

    private async Task MoveAsync(Guid id, uint version, Action<Appointment> move, CancellationToken cancellationToken)
    {
        var appointment = await FindAsync(id, version, cancellationToken);
        Apply(() => move(appointment));
        await SaveAsync(appointment, version, cancellationToken);
    }

    private async Task<Appointment> FindAsync(Guid id, uint version, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("That appointment does not exist.");
        if (appointment.Version != version)
        {
            throw new ConcurrencyConflictException(AppointmentBooking.ConflictMessage);
        }

        return appointment;
    }

    private async Task SaveAsync(Appointment appointment, uint version, CancellationToken cancellationToken)
    {
        db.Entry(appointment).Property(a => a.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(AppointmentBooking.ConflictMessage, ex);
        }
    }

    private static void Apply(Action move)
    {
        try
        {
            move();
        }
        catch (InvalidOperationException ex)
        {
            throw new RuleViolationException(ex.Message, ex);
        }
    }
}
