namespace KapClinic.Core.Preparation;

/// <summary>The clinician's decision at the end of a preparation session.</summary>
public enum ReadinessDecision
{
    Ready,
    NotYet,
    ReferOut,
}
