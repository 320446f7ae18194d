namespace KapClinic.Core.Screening;

/// <summary>One answered contraindication, stored inside its screening version (jsonb).</summary>
public sealed class ScreeningResponse
{
    public const int NoteMaxLength = 500;

    public ScreeningResponse(ScreeningItem item, ScreeningAnswer answer, string? note)
    {
        Item = item;
        Answer = answer;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public ScreeningItem Item { get; private set; }

    public ScreeningAnswer Answer { get; private set; }

    public string? Note { get; private set; }
}
