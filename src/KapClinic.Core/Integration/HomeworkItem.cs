using KapClinic.Core.Auditing;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Integration;

/// <summary>
/// A homework item or action step of an integration note: a child row of the note, part of its signed content
/// (and locked with it in the database). An item still open or in progress when its note is signed is carried
/// forward into the course's next integration note as a new item pointing back to it.
/// </summary>
public sealed class HomeworkItem : IAuditable
{
    public const int TextMaxLength = 1_000;

    private HomeworkItem()
    {
        Text = string.Empty;
    }

    internal HomeworkItem(IntegrationNote note, int position, Guid? carriedFromItemId, string text, HomeworkStatus status, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(NoteTime.ToStored(at));
        NoteId = note.Id;
        PatientId = note.PatientId;
        Position = position;
        CarriedFromItemId = carriedFromItemId;
        Text = text;
        Status = status;
    }

    public Guid Id { get; private set; }

    public Guid NoteId { get; private set; }

    public Guid PatientId { get; private set; }

    /// <summary>Order in the note: carried-forward items first, in their earlier order, then new ones.</summary>
    public int Position { get; private set; }

    /// <summary>The item of an earlier signed note this one continues; null for an item first set in this note.</summary>
    public Guid? CarriedFromItemId { get; private set; }

    public string Text { get; private set; }

    public HomeworkStatus Status { get; private set; }

    public bool IsCarriedForward => CarriedFromItemId is not null;

    /// <summary>Still to do: such an item moves on to the next note.</summary>
    public bool IsOutstanding => Status is HomeworkStatus.Open or HomeworkStatus.InProgress;

    public string AuditEntityType => "HomeworkItem";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    internal void MarkAs(HomeworkStatus status) => Status = status;

    internal void WriteContent(NoteContent content, int index)
    {
        var prefix = $"int.homework.{index:D2}";
        content.Add($"{prefix}.id", Id)
            .Add($"{prefix}.carriedFrom", CarriedFromItemId)
            .Add($"{prefix}.text", Text)
            .Add($"{prefix}.status", Status.ToString());
    }
}
