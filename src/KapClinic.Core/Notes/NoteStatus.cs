using System.Diagnostics.CodeAnalysis;

namespace KapClinic.Core.Notes;

/// <summary>A note is a draft until its author signs it; a signed note never changes again.</summary>
public enum NoteStatus
{
    Draft,

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The clinical word for a signed note, not the integer sense.")]
    Signed,
}
