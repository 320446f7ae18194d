using FluentValidation;
using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Integration;
using KapClinic.Core.Inventory;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.Core.Dosing;

/// <summary>
/// Runs a dosing session: start, checklist, dose (behind the safety gates, which only a prescriber can override,
/// with a reason), infusion end, discharge or a withheld dose, and signing. Readings and adverse events are in
/// <see cref="MonitoringService"/>. Changes to the session row carry the version the form was opened with, so a
/// concurrent change is reported, never overwritten.
/// </summary>
public sealed class DosingSessionService(
    KapClinicDbContext db,
    ReadinessService readiness,
    ClinicSettingsService settings,
    ClinicalNoteService notes,
    PasswordConfirmation confirmation,
    DoseLots lots,
    AuditLog audit,
    IValidator<StartDosingInput> startValidator,
    IValidator<ChecklistInput> checklistValidator,
    IValidator<DoseInput> doseValidator,
    IValidator<DischargeInput> dischargeValidator,
    TimeProvider clock)
{
    /// <summary>How long before the session a C-SSRS screener still counts as pre-dose.</summary>
    public const int CssrsLookbackHours = 12;

    public async Task<Guid> StartAsync(Guid patientId, Guid courseId, StartDosingInput input, Guid monitoringClinicianId, CancellationToken cancellationToken = default)
    {
        await startValidator.ValidateAndThrowAsync(input, cancellationToken);
        var course = await db.TreatmentCourses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == courseId && c.PatientId == patientId, cancellationToken)
            ?? throw new NotFoundException("That treatment course does not exist.");
        if (course.Status is not (CourseStatus.Planned or CourseStatus.Active))
        {
            throw new RuleViolationException($"This course is {course.Status.ToString().ToLowerInvariant()}: it takes no new dosing sessions.");
        }

        if (!await db.Users.AnyAsync(u => u.Id == input.PrescriberId && u.IsPrescriber && !u.IsDisabled, cancellationToken))
        {
            throw new RuleViolationException("PrescriberId", "Choose a prescriber from the list.");
        }

        var open = await db.DosingSessions.AsNoTracking()
            .Where(s => s.CourseId == courseId && s.Status == NoteStatus.Draft && s.DischargedAt == null && s.DoseWithheldReason == null)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            throw new RuleViolationException("A dosing session of this course is already in progress: continue it from the course page.");
        }

        if (input.AppointmentId is { } appointmentId)
        {
            await EnsureAppointmentAsync(patientId, appointmentId, cancellationToken);
        }

        var protocol = await db.Protocols.AsNoTracking().SingleAsync(p => p.Id == course.ProtocolId, cancellationToken);
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var now = clock.GetUtcNow();
        var session = new DosingSession(
            patientId, courseId, monitoringClinicianId, input.PrescriberId!.Value, protocol, input.AppointmentId,
            ClinicTimes.ToUtc(input.StartedAt!.Value, zone), now);
        db.DosingSessions.Add(session);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new RuleViolationException("That appointment already has a dosing session.", ex);
        }

        return session.Id;
    }

    /// <summary>Saves the checklist (partly filled is fine) and links the latest pre-dose C-SSRS screener, if one was taken.</summary>
    public async Task SaveChecklistAsync(Guid patientId, Guid sessionId, ChecklistInput input, CancellationToken cancellationToken = default)
    {
        await checklistValidator.ValidateAndThrowAsync(input, cancellationToken);
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var session = await LoadAsync(patientId, sessionId, input.Version, cancellationToken);
        var now = clock.GetUtcNow();
        session.RecordChecklist(
            new PreDoseChecklist
            {
                IdentityVerified = input.IdentityVerified,
                ConsentCurrent = input.ConsentCurrent,
                Fasting = input.Fasting,
                RideHomeName = input.RideHomeName,
                RideHomePhone = input.RideHomePhone,
                NoContraindicatedMedicationToday = input.NoContraindicatedMedicationToday,
                PregnancyTest = input.PregnancyTest,
                Intention = input.Intention,
                MoodScore = input.MoodScore,
                WeightKg = input.WeightKg,
                PreDoseVitals = input.Vitals,
                PreDoseVitalsAt = input.PreDoseVitalsAt is { } at ? ClinicTimes.ToUtc(at, zone) : null,
                TakesBenzodiazepine = input.TakesBenzodiazepine,
                TakesNonBenzodiazepineSedative = input.TakesNonBenzodiazepineSedative,
                TakesPsychostimulant = input.TakesPsychostimulant,
                TakesMaoi = input.TakesMaoi,
            },
            now);
        var since = session.StartedAt.AddHours(-CssrsLookbackHours);
        var cssrs = await db.MeasureResponses.AsNoTracking()
            .Where(m => m.PatientId == patientId && m.Instrument == Instrument.CssrsScreener && m.TakenAt >= since)
            .OrderByDescending(m => m.TakenAt).ThenByDescending(m => m.EnteredAt)
            .Select(m => new { m.Id, m.Alerts })
            .FirstOrDefaultAsync(cancellationToken);
        if (cssrs is not null)
        {
            session.RecordPreDoseCssrs(cssrs.Id, IntegrationNoteQueries.LevelOf(cssrs.Alerts), now);
        }

        await NoteDrafts.SaveAsync(db, session.Id, cancellationToken);
    }

    /// <summary>The gates that apply now to a dose of <paramref name="doseMg"/> (null: without the range check).</summary>
    public async Task<IReadOnlyList<GateFinding>> GatesAsync(Guid patientId, Guid sessionId, decimal? doseMg, CancellationToken cancellationToken = default)
    {
        var session = await db.DosingSessions.AsNoTracking().Include(s => s.Administrations)
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.PatientId == patientId, cancellationToken)
            ?? throw new NotFoundException("That dosing session does not exist.");
        return await GatesAsync(session, doseMg, cancellationToken);
    }

    /// <summary>
    /// Records an administration, on the protocol's route, given by an active clinician. Any hold refuses it
    /// (<see cref="DosingGateException"/>) unless every hold has its own written override reason and a prescriber
    /// stands behind them: the acting user when flagged prescriber, otherwise the session's prescriber on site, who confirms with their password on the same screen. Overrides are stored and audited
    /// with the dose, in one transaction; the course becomes active with its first dose. When the drug is kept in stock,
    /// the dose is taken from the chosen lot (<see cref="DoseLots"/>): its Administered ledger entry is saved by the same
    /// SaveChanges, and a refusal by the database (the lot overdrawn by a dose recorded a moment before, or closed, or
    /// expired) writes neither and comes back as a <see cref="RuleViolationException"/> on LotId.
    /// </summary>
    public async Task<Guid> AdministerAsync(Guid patientId, Guid sessionId, DoseInput input, Guid actingUserId, CancellationToken cancellationToken = default)
    {
        await doseValidator.ValidateAndThrowAsync(input, cancellationToken);
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var session = await LoadAsync(patientId, sessionId, input.Version, cancellationToken);
        if (input.Route is { } route && route != session.Route)
        {
            throw new RuleViolationException(nameof(DoseInput.Route), session.RouteMessage);
        }

        if (!await IsActiveClinicianAsync(input.GivenById!.Value, cancellationToken))
        {
            throw new RuleViolationException(nameof(DoseInput.GivenById), "Choose who gave the dose from the list: an active clinician.");
        }

        var now = clock.GetUtcNow();
        var stock = await lots.TakeAsync(session.Drug, session.Route, input.LotId, input.DoseMg!.Value, ClinicTimes.DateOf(now, zone), cancellationToken);
        var ready = await readiness.GetReadinessAsync(session.CourseId, cancellationToken);
        var thresholds = (await settings.GetAsync(cancellationToken)).Dosing;
        var holds = DosingGates.Evaluate(session, ready, thresholds, input.DoseMg, session.TotalDoseMg).Where(f => f.IsHold).ToList();
        GateOverrideRequest? overrideRequest = null;
        if (holds.Count > 0 && input.OverrideReasons.Values.Any(r => !string.IsNullOrWhiteSpace(r)))
        {
            // Every hold needs its own reason before the prescriber's password is even asked for.
            var unreasoned = GateOverrideRequest.Unreasoned(holds, input.OverrideReasons);
            if (unreasoned.Count > 0)
            {
                throw new DosingGateException(holds, unreasoned);
            }

            overrideRequest = await OverrideByAsync(session, input, actingUserId, cancellationToken);
        }

        var dose = new DoseDetails(
            session.Drug, session.Route, input.DoseMg!.Value, input.ConcentrationMgPerMl, input.VolumeMl,
            ClinicTimes.ToUtc(input.AdministeredAt!.Value, zone), input.InfusionEndAt is { } end ? ClinicTimes.ToUtc(end, zone) : null,
            input.InfusionRateMlPerHour, input.DeviceCount, stock?.Lot.LotNumber ?? input.LotNumber!, input.GivenById!.Value, overrideRequest?.PrescriberId ?? session.PrescriberId)
        {
            LotId = stock?.Lot.Id,
        };
        var administration = session.Administer(dose, ready, thresholds, overrideRequest, now);
        if (stock is { } taken)
        {
            db.LedgerEntries.Add(LedgerEntry.Administered(taken.Lot, taken.Units, patientId, session.Id, administration.Id, actingUserId, now, ClinicTimes.DateOf(now, zone)));
        }

        foreach (var item in session.Overrides.Where(o => o.AdministrationId == administration.Id))
        {
            audit.Add(AuditActions.DosingGateOverridden, AuditOutcome.Success, actingUserId, "DosingSession", session.Id, patientId, $"{item.Gate} by prescriber {item.PrescriberId}");
        }

        var course = await db.TreatmentCourses.SingleAsync(c => c.Id == session.CourseId, cancellationToken);
        if (course.Status == CourseStatus.Planned)
        {
            course.Start();
        }

        try
        {
            await NoteDrafts.SaveAsync(db, session.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException
            || ex is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } })
        {
            throw new ConcurrencyConflictException("Someone changed this session after you opened the dose form (a dose or the checklist may have been recorded). Reload the session to see it before giving a dose.", ex);
        }
        catch (DbUpdateException ex) when (stock is not null && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.CheckViolation })
        {
            throw InventoryService.Explain(ex, nameof(DoseInput.LotId));
        }

        return administration.Id;
    }

    public async Task EndInfusionAsync(Guid patientId, Guid sessionId, Guid administrationId, DateTime endAt, decimal? rateMlPerHour, uint version, CancellationToken cancellationToken = default)
    {
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var session = await LoadAsync(patientId, sessionId, version, cancellationToken);
        session.EndInfusion(administrationId, ClinicTimes.ToUtc(endAt, zone), rateMlPerHour, clock.GetUtcNow());
        await NoteDrafts.SaveAsync(db, session.Id, cancellationToken);
    }

    /// <summary>Records the discharge (and the patient's account): refused before the protocol's minimum monitoring time.</summary>
    public async Task DischargeAsync(Guid patientId, Guid sessionId, DischargeInput input, CancellationToken cancellationToken = default)
    {
        await dischargeValidator.ValidateAndThrowAsync(input, cancellationToken);
        var clinic = await settings.GetAsync(cancellationToken);
        var session = await LoadAsync(patientId, sessionId, input.Version, cancellationToken);
        var now = clock.GetUtcNow();
        session.RecordPatientAccount(input.PatientAccount, now);
        session.Discharge(
            new DischargeAssessment(
                input.VitalsNearBaseline, input.AlertAndOriented, input.WalkingSteadily, input.NauseaControlled, input.ResponsibleAdultPresent,
                input.InstructionsGiven, ClinicTimes.ToUtc(input.DischargedAt!.Value, clinic.TimeZone), input.DischargedWith!,
                input.ReadyToLeaveAt is { } ready ? ClinicTimes.ToUtc(ready, clinic.TimeZone) : null),
            clinic.Dosing,
            now,
            clinic.TimeZone);
        await NoteDrafts.SaveAsync(db, session.Id, cancellationToken);
    }

    public async Task WithholdAsync(Guid patientId, Guid sessionId, string? reason, uint version, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("WithheldReason", "Say why the dose was not given.");
        }

        if (reason.Length > GateOverride.ReasonMaxLength)
        {
            throw new RuleViolationException("WithheldReason", $"The reason can be at most {GateOverride.ReasonMaxLength} characters.");
        }

        var session = await LoadAsync(patientId, sessionId, version, cancellationToken);
        session.WithholdDose(reason, clock.GetUtcNow());
        await NoteDrafts.SaveAsync(db, session.Id, cancellationToken);
    }

    /// <summary>The author signs the session note: dosed and discharged (or withheld). It is then locked with its rows.</summary>
    public async Task SignAsync(Guid patientId, Guid sessionId, Guid actingUserId, uint version, CancellationToken cancellationToken = default)
    {
        var signer = await notes.SignerAsync(actingUserId, cancellationToken);
        var session = await LoadAsync(patientId, sessionId, version, cancellationToken);
        session.Sign(signer, clock.GetUtcNow());
        await NoteDrafts.SaveAsync(db, session.Id, cancellationToken);
    }

    private async Task<IReadOnlyList<GateFinding>> GatesAsync(DosingSession session, decimal? doseMg, CancellationToken cancellationToken)
    {
        var ready = await readiness.GetReadinessAsync(session.CourseId, cancellationToken);
        var thresholds = (await settings.GetAsync(cancellationToken)).Dosing;
        return DosingGates.Evaluate(session, ready, thresholds, doseMg, session.TotalDoseMg);
    }

    private async Task<GateOverrideRequest> OverrideByAsync(DosingSession session, DoseInput input, Guid actingUserId, CancellationToken cancellationToken)
    {
        var actor = await db.Users.AsNoTracking().Where(u => u.Id == actingUserId && !u.IsDisabled)
            .Select(u => new { u.Id, u.IsPrescriber, u.DisplayName, u.Credentials }).SingleAsync(cancellationToken);
        if (actor.IsPrescriber)
        {
            return new GateOverrideRequest(actor.Id, Name(actor.DisplayName, actor.Credentials), input.OverrideReasons);
        }

        try
        {
            var prescriber = await confirmation.ConfirmAsync(session.PrescriberId, input.PrescriberPassword, nameof(DoseInput.PrescriberPassword));
            if (!prescriber.IsPrescriber)
            {
                throw new RuleViolationException(nameof(DoseInput.PrescriberPassword), "The session's prescriber on site is no longer flagged prescriber.");
            }

            return new GateOverrideRequest(prescriber.Id, prescriber.SignatureName, input.OverrideReasons);
        }
        catch (RuleViolationException)
        {
            await audit.RecordAsync(AuditActions.DosingOverrideRefused, AuditOutcome.Failure, actingUserId, "DosingSession", session.Id, session.PatientId, cancellationToken: cancellationToken);
            throw;
        }
    }

    private Task<bool> IsActiveClinicianAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(
            u => u.Id == userId && !u.IsDisabled
                && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == ClinicRoles.Clinician)),
            cancellationToken);

    private static string Name(string displayName, string? credentials) => string.IsNullOrWhiteSpace(credentials) ? displayName : $"{displayName}, {credentials}";

    private async Task EnsureAppointmentAsync(Guid patientId, Guid appointmentId, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId && a.PatientId == patientId)
            .Select(a => new { a.Type }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RuleViolationException("AppointmentId", "That appointment is not this patient's.");
        if (appointment.Type != AppointmentType.Dosing)
        {
            throw new RuleViolationException("AppointmentId", "Only a dosing appointment opens a dosing session.");
        }
    }

    private async Task<DosingSession> LoadAsync(Guid patientId, Guid sessionId, uint version, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var session = await db.DosingSessions
            .Include(s => s.Administrations)
            .Include(s => s.Overrides)
            .Include(s => s.Readings)
            .Include(s => s.AdverseEvents)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.PatientId == patientId, cancellationToken)
            ?? throw new NotFoundException("That dosing session does not exist.");
        db.Entry(session).Property(s => s.Version).OriginalValue = version;

        // The version (xmin) lives on the clinical_notes row. A change that touches only dosing_sessions columns, with
        // UpdatedAt the same as before (a clock that stands still), would update no clinical_notes row, and EF would
        // then check no version at all: always write UpdatedAt, so every save is checked against the version shown.
        db.Entry(session).Property(s => s.UpdatedAt).IsModified = true;
        return session;
    }
}
