using KapClinic.Core.Integration;

namespace KapClinic.Web.Pages.Patients.Integration;

/// <summary>What the shared integration form partial needs: the typed input and what surrounds it.</summary>
public sealed record IntegrationFormView(
    IntegrationNoteInput Input,
    IntegrationFormContext Context,
    string ClinicianName,
    bool CanSign,
    bool HasUnsavedInput,
    string CancelUrl,
    IReadOnlyDictionary<Guid, DateTimeOffset> CarriedFrom)
{
    /// <summary>Empty rows offered for new homework items (the form works without script).</summary>
    public const int BlankHomeworkRows = 3;

    /// <summary>
    /// The rows to show: the typed ones as posted (so each message stays beside its row), then empty ones until
    /// there are <see cref="BlankHomeworkRows"/> for new items.
    /// </summary>
    public IReadOnlyList<HomeworkInput> HomeworkRows =>
    [
        .. Input.Homework,
        .. Enumerable.Range(0, Math.Max(0, BlankHomeworkRows - Input.Homework.Count(h => h.IsBlank))).Select(_ => new HomeworkInput { Status = HomeworkStatus.Open }),
    ];

    public static string StatusLabel(HomeworkStatus status) => status switch
    {
        HomeworkStatus.InProgress => "In progress",
        _ => status.ToString(),
    };
}
