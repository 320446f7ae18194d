namespace KapClinic.Web.Pages.Schedule;

/// <summary>The Admin-only boxes of a booking form (shown once a warning asks for them), under the form's field prefix.</summary>
public sealed record AdminConfirmations(string Prefix, bool ShowOutsideHours, bool OutsideHoursTicked, bool ShowPastTime, bool PastTimeTicked)
{
    public string Key(string field) => Prefix.Length == 0 ? field : $"{Prefix}.{field}";
}
