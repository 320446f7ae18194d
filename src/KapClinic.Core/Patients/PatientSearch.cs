using FluentValidation;

namespace KapClinic.Core.Patients;

/// <summary>
/// Criteria for the patient list; every one optional. Sent in POST bodies only (names and dates of birth are PHI).
/// <see cref="ArchivedOnly"/> is for Admins: the page sets it only for them.
/// </summary>
public sealed class PatientSearch
{
    public const int DefaultPageSize = 25;
    public const int MaximumPageSize = 100;
    public const int MaximumTermLength = 100;

    /// <summary>Part of a legal or preferred name; case and accents ignored; several words must all match.</summary>
    public string? Name { get; set; }

    /// <summary>An MRN or its start ("KAP-0001"), any case; digits alone ("123") mean KAP-000123.</summary>
    public string? Mrn { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public PatientStatus? Status { get; set; }

    public Guid? PrimaryClinicianId { get; set; }

    public PatientSort Sort { get; set; } = PatientSort.Name;

    public bool Descending { get; set; }

    /// <summary>1-based page number.</summary>
    public int Page { get; set; } = 1;

    public int PageSize { get; set; } = DefaultPageSize;

    public bool ArchivedOnly { get; set; }

    /// <summary>Which criteria are set, by name only (for the audit trail: never the values).</summary>
    public IReadOnlyList<string> UsedCriteria() =>
    [
        .. new (bool Used, string Name)[]
        {
            (!string.IsNullOrWhiteSpace(Name), "name"),
            (!string.IsNullOrWhiteSpace(Mrn), "MRN"),
            (DateOfBirth is not null, "date of birth"),
            (Status is not null, "status"),
            (PrimaryClinicianId is not null, "primary clinician"),
            (ArchivedOnly, "archived only"),
        }.Where(c => c.Used).Select(c => c.Name),
    ];
}

public sealed class PatientSearchValidator : AbstractValidator<PatientSearch>
{
    public PatientSearchValidator()
    {
        RuleFor(x => x.Name).MaximumLength(PatientSearch.MaximumTermLength)
            .WithMessage($"Search by at most {PatientSearch.MaximumTermLength} characters of the name.");
        RuleFor(x => x.Mrn).MaximumLength(16).WithMessage("An MRN has at most 16 characters, like KAP-000123.");
        RuleFor(x => x.Status).IsInEnum().WithMessage("Choose a status from the list.");
        RuleFor(x => x.Sort).IsInEnum().WithMessage("Sort by name, MRN, date of birth or status.");
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithMessage("The page number starts at 1.");
        RuleFor(x => x.PageSize).InclusiveBetween(1, PatientSearch.MaximumPageSize)
            .WithMessage($"Show between 1 and {PatientSearch.MaximumPageSize} patients per page.");
    }
}
