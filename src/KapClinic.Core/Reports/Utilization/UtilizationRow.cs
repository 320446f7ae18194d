namespace KapClinic.Core.Reports.Utilization;

/// <summary>
/// One room or clinician over the period: hours available and booked (appointments not cancelled), appointments,
/// cancellations and no-shows. Rates are percentages (one decimal), null when there is nothing to divide by.
/// </summary>
public sealed record UtilizationRow(string Kind, string Name, decimal HoursAvailable, decimal HoursBooked, int Appointments, int Cancelled, int NoShows)
{
    /// <summary>Booked against available hours.</summary>
    public decimal? UtilisationPercent => Percent(HoursBooked, HoursAvailable);

    /// <summary>No-shows among the appointments that were not cancelled.</summary>
    public decimal? NoShowPercent => Percent(NoShows, Appointments - Cancelled);

    /// <summary>Cancellations among all appointments.</summary>
    public decimal? CancellationPercent => Percent(Cancelled, Appointments);

    public static decimal? Percent(decimal part, decimal whole) => whole <= 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}
