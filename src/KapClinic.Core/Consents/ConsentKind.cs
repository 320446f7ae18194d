namespace KapClinic.Core.Consents;

public enum ConsentKind
{
    /// <summary>Informed consent for ketamine-assisted psychotherapy.</summary>
    KapTreatment,

    /// <summary>Consent for the route of administration (IV, IM, sublingual, intranasal...).</summary>
    RouteOfAdministration,
}
