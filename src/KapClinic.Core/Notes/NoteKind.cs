namespace KapClinic.Core.Notes;

/// <summary>The kinds of clinical note that share the signed-note mechanism (one table each, under clinical_notes).</summary>
public enum NoteKind
{
    PreparationSession,
    IntegrationNote,
    DosingSession,
}
