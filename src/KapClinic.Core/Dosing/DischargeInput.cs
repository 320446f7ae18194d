namespace KapClinic.Core.Dosing;

/// <summary>The discharge form; times are the clinic's wall clock.</summary>
public sealed class DischargeInput
{
    public bool VitalsNearBaseline { get; set; }

    public bool AlertAndOriented { get; set; }

    public bool WalkingSteadily { get; set; }

    public bool NauseaControlled { get; set; }

    public bool ResponsibleAdultPresent { get; set; }

    public bool InstructionsGiven { get; set; }

    public DateTime? DischargedAt { get; set; }

    public string? DischargedWith { get; set; }

    public DateTime? ReadyToLeaveAt { get; set; }

    public string? PatientAccount { get; set; }

    public uint Version { get; set; }
}
