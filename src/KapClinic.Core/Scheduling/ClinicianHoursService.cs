using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Scheduling;

/// <summary>Clinicians' weekly hours and time off (Admin). Blocks of one day may not overlap.</summary>
public sealed class ClinicianHoursService(
    KapClinicDbContext db,
    BookingChecks checks,
    ClinicSettingsService settings,
    IValidator<WorkingHoursInput> hoursValidator,
    IValidator<TimeOffInput> timeOffValidator,
    TimeProvider clock)
{
    public async Task<ClinicianHoursView> GetAsync(Guid clinicianId, CancellationToken cancellationToken = default)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == clinicianId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That clinician does not exist.");
        var hours = await db.WorkingHours.AsNoTracking().Where(w => w.ClinicianId == clinicianId)
            .Select(w => new WorkingHoursRow(w.Id, w.Day, w.Start, w.End)).ToListAsync(cancellationToken);
        var since = (await settings.TodayAsync(clock, cancellationToken)).AddDays(-30);
        var timeOff = await db.TimeOff.AsNoTracking().Where(t => t.ClinicianId == clinicianId && t.LastDay >= since)
            .OrderBy(t => t.FirstDay).Select(t => new TimeOffRow(t.Id, t.FirstDay, t.LastDay, t.Reason)).ToListAsync(cancellationToken);
        return new ClinicianHoursView(
            clinicianId, name, [.. hours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Start)], timeOff);
    }

    public async Task AddHoursAsync(Guid clinicianId, WorkingHoursInput input, CancellationToken cancellationToken = default)
    {
        await hoursValidator.ValidateAndThrowAsync(input, cancellationToken);
        await checks.ClinicianAsync(clinicianId, "ClinicianId", cancellationToken);
        var (day, start, end) = (input.Day!.Value, input.Start!.Value, input.End!.Value);
        var overlapping = await db.WorkingHours.AsNoTracking()
            .Where(w => w.ClinicianId == clinicianId && w.Day == day && w.Start < end && start < w.End)
            .Select(w => new { w.Start, w.End }).FirstOrDefaultAsync(cancellationToken);
        if (overlapping is not null)
        {
            throw new RuleViolationException(
                nameof(input.Start),
                $"These hours overlap {ClinicTimes.FormatTime(overlapping.Start)}–{ClinicTimes.FormatTime(overlapping.End)} on {day}s; remove that block or choose other times.");
        }

        db.WorkingHours.Add(new WorkingHours(clinicianId, day, start, end, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveHoursAsync(Guid clinicianId, Guid hoursId, CancellationToken cancellationToken = default)
    {
        var block = await db.WorkingHours.SingleOrDefaultAsync(w => w.Id == hoursId && w.ClinicianId == clinicianId, cancellationToken)
            ?? throw new NotFoundException("Those hours do not exist (removed already?).");
        db.WorkingHours.Remove(block);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <returns>How many booked appointments fall on those days (to be moved; the time off is saved regardless).</returns>
    public async Task<int> AddTimeOffAsync(Guid clinicianId, TimeOffInput input, CancellationToken cancellationToken = default)
    {
        await timeOffValidator.ValidateAndThrowAsync(input, cancellationToken);
        await checks.ClinicianAsync(clinicianId, "ClinicianId", cancellationToken);
        var timeOff = new TimeOff(clinicianId, input.FirstDay!.Value, input.LastDay!.Value, input.Reason!, clock.GetUtcNow());
        db.TimeOff.Add(timeOff);
        await db.SaveChangesAsync(cancellationToken);

        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var from = ClinicTimes.ToUtc(timeOff.FirstDay, TimeOnly.MinValue, zone);
        var to = ClinicTimes.ToUtc(timeOff.LastDay.AddDays(1), TimeOnly.MinValue, zone);
        return await db.Appointments.CountAsync(
            a => (a.ClinicianId == clinicianId || a.PrescriberId == clinicianId) && a.StartsAt < to && from < a.EndsAt
                && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn),
            cancellationToken);
    }

    public async Task RemoveTimeOffAsync(Guid clinicianId, Guid timeOffId, CancellationToken cancellationToken = default)
    {
        var timeOff = await db.TimeOff.SingleOrDefaultAsync(t => t.Id == timeOffId && t.ClinicianId == clinicianId, cancellationToken)
            ?? throw new NotFoundException("That time off does not exist (removed already?).");
        db.TimeOff.Remove(timeOff);
        await db.SaveChangesAsync(cancellationToken);
    }
}
