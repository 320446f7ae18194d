using KapClinic.Core.Preparation;

namespace KapClinic.Web.Pages.Patients.Preparation;

/// <summary>What the shared preparation form partial needs: the typed input and what surrounds it.</summary>
public sealed record PreparationFormView(
    PreparationSessionInput Input,
    PreparationFormContext Context,
    string ClinicianName,
    bool CanSign,
    bool HasUnsavedInput,
    string CancelUrl);
