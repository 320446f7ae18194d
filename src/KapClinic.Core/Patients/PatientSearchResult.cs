namespace KapClinic.Core.Patients;

/// <summary>A page of the patient list and the number of patients matching in all.</summary>
public sealed record PatientSearchResult(IReadOnlyList<PatientListItem> Items, int TotalCount, int Page, int PageSize)
{
    public int TotalPages => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;

    public int FirstRow => TotalCount == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    public int LastRow => FirstRow == 0 ? 0 : FirstRow + Items.Count - 1;
}
