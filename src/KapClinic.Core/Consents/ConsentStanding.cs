namespace KapClinic.Core.Consents;

/// <summary>Where a consent stands on a given day.</summary>
public enum ConsentStanding
{
    Current,
    ExpiringSoon,
    Expired,
}
