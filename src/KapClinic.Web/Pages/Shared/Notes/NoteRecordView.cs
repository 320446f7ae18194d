using KapClinic.Core.Notes;

namespace KapClinic.Web.Pages.Shared.Notes;

/// <summary>
/// The parts every kind of note page shows the same way: signature and its verification, co-signature,
/// addenda and the forms to add one or to co-sign.
/// </summary>
public sealed record NoteRecordView(ClinicalNote Note, string AuthorName, string? AddendumText, bool CanCoSign);
