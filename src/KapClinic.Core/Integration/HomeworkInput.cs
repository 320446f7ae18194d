namespace KapClinic.Core.Integration;

/// <summary>One row of the homework list as typed. A carried-forward row names the earlier item; its text is that item's.</summary>
public sealed class HomeworkInput
{
    public Guid? CarriedFromItemId { get; set; }

    public string? Text { get; set; }

    public HomeworkStatus? Status { get; set; }

    /// <summary>A new row left empty: not an item (the form always offers a few empty rows).</summary>
    public bool IsBlank => CarriedFromItemId is null && string.IsNullOrWhiteSpace(Text);
}
