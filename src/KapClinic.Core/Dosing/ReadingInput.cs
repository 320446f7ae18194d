namespace KapClinic.Core.Dosing;

/// <summary>One monitoring row as the form posts it; the time is the clinic's wall clock (the form defaults it to now).</summary>
public sealed class ReadingInput
{
    public DateTime? TakenAt { get; set; }

    public int? Systolic { get; set; }

    public int? Diastolic { get; set; }

    public int? HeartRate { get; set; }

    public int? SpO2 { get; set; }

    public int? RespiratoryRate { get; set; }

    public int? Moaas { get; set; }

    public Dissociation? Dissociation { get; set; }

    public int? Cadss6 { get; set; }

    public Nausea? Nausea { get; set; }

    public string? Comment { get; set; }
}
