namespace KapClinic.Core.Dosing;

/// <summary>
/// The discharge assessment (CLINICAL.md, "Discharge"): every criterion met, instructions given, when the patient
/// left and with whom; and when they would have been ready to leave without a minimum-time rule (REMS asks).
/// </summary>
public sealed record DischargeAssessment(
    bool VitalsNearBaseline,
    bool AlertAndOriented,
    bool WalkingSteadily,
    bool NauseaControlled,
    bool ResponsibleAdultPresent,
    bool InstructionsGiven,
    DateTimeOffset DischargedAt,
    string DischargedWith,
    DateTimeOffset? ReadyToLeaveAt)
{
    public const int DischargedWithMaxLength = 120;

    /// <summary>The criteria not yet met, in words.</summary>
    public IReadOnlyList<string> Unmet()
    {
        var unmet = new List<string>();
        if (!VitalsNearBaseline)
        {
            unmet.Add("vitals back near baseline");
        }

        if (!AlertAndOriented)
        {
            unmet.Add("alert and oriented");
        }

        if (!WalkingSteadily)
        {
            unmet.Add("walking steadily");
        }

        if (!NauseaControlled)
        {
            unmet.Add("nausea controlled");
        }

        if (!ResponsibleAdultPresent)
        {
            unmet.Add("responsible adult present");
        }

        if (!InstructionsGiven)
        {
            unmet.Add("discharge instructions given");
        }

        return unmet;
    }
}
