using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Settings;

public sealed class ClinicSettingsService(KapClinicDbContext db, IValidator<ClinicSettingsInput> validator, ClinicSettingsCache cache)
{
    private ClinicSettings? read;

    /// <summary>
    /// The settings, or defaults when none were saved yet (a fresh install). Read once per scope (a request): a page
    /// and the services it calls ask several times; and shared by the requests of this instance through
    /// <see cref="ClinicSettingsCache"/> until a change notice. Read-only: the instance is shared, never change or
    /// attach it.
    /// </summary>
    public async Task<ClinicSettings> GetAsync(CancellationToken cancellationToken = default) =>
        read ??= cache.TryGet() ?? await LoadAsync(cancellationToken);

    public async Task UpdateAsync(ClinicSettingsInput input, CancellationToken cancellationToken = default)
    {
        read = null;
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var settings = await db.ClinicSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new ClinicSettings(input.ClinicName, input.TimeZoneId);
            settings.Update(input.ClinicName, input.TimeZoneId, input.ConsentValidityMonths, input.MinimumPatientAgeYears);
            settings.SetDraftOverdueHours(input.DraftOverdueHours);
            settings.SetDosingThresholds(input.Dosing.ToThresholds());
            settings.SetRequireMfaForStaff(input.RequireMfaForStaff);
            db.ClinicSettings.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = input.Version;
            settings.Update(input.ClinicName, input.TimeZoneId, input.ConsentValidityMonths, input.MinimumPatientAgeYears);
            settings.SetDraftOverdueHours(input.DraftOverdueHours);
            settings.SetDosingThresholds(input.Dosing.ToThresholds());
            settings.SetRequireMfaForStaff(input.RequireMfaForStaff);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(
                "Another administrator changed the settings after you opened them. Their values are shown below; re-enter your changes if they still apply.",
                ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            // Two first-time saves raced on the single row.
            throw new ConcurrencyConflictException("Another administrator saved the settings at the same moment. Please review and save again.", ex);
        }
        finally
        {
            cache.Evict(); // the trigger's notice follows at commit; this instance sees the change at once
        }
    }

    private async Task<ClinicSettings> LoadAsync(CancellationToken cancellationToken)
    {
        var mark = cache.Mark();
        var settings = await db.ClinicSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken)
            ?? new ClinicSettings("KapClinic", ClinicSettings.DefaultTimeZoneId);
        cache.Store(mark, settings);
        return settings;
    }
}
