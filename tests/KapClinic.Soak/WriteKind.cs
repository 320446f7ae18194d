namespace KapClinic.Soak;

/// <summary>The writes the simulated users make, each found again in the database by its marker.</summary>
public enum WriteKind
{
    /// <summary>A vitals reading on an open dosing session; marker: the reading's comment.</summary>
    VitalsReading,

    /// <summary>A preparation session note, written and signed in one submit; marker: its Data text.</summary>
    SignedNote,

    /// <summary>An appointment; marker: patient, clinician and start (UTC).</summary>
    Appointment,
}
