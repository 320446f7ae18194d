using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Patients;

/// <summary>
/// The patient list's filters and sort orders, written so PostgreSQL can use the indexes of PatientConfiguration:
/// the trigram index on search_name for names, the unique MRN index, and the partial (unarchived) indexes.
/// </summary>
internal static class PatientQueries
{
    private const string LikeEscape = @"\";

    // The program's order, not the alphabet's: Referred first, Discharged last.
    private static readonly Expression<Func<Patient, int>> StatusRank = p =>
        p.Status == PatientStatus.Referred ? 0
        : p.Status == PatientStatus.Screening ? 1
        : p.Status == PatientStatus.Eligible ? 2
        : p.Status == PatientStatus.Ineligible ? 3
        : p.Status == PatientStatus.Active ? 4
        : p.Status == PatientStatus.Maintenance ? 5
        : 6;

    public static IQueryable<Patient> Matching(this IQueryable<Patient> patients, PatientSearch search)
    {
        patients = search.ArchivedOnly ? patients.Where(p => p.IsArchived) : patients.Where(p => !p.IsArchived);

        // Each word must appear in the legal or preferred names; "%word%" on the folded column uses the trigram index.
        foreach (var word in NameWords(search.Name))
        {
            patients = patients.Where(p => EF.Functions.ILike(p.SearchName, "%" + PatientSearchFunctions.Fold(word) + "%", LikeEscape));
        }

        if (MrnRange(search.Mrn) is { } mrn)
        {
            // A range of equal-length "KAP-dddddd" values: the unique MRN index answers it under any collation.
            patients = mrn.From == mrn.To
                ? patients.Where(p => p.Mrn == mrn.From)
                : patients.Where(p => p.Mrn.CompareTo(mrn.From) >= 0 && p.Mrn.CompareTo(mrn.To) <= 0);
        }

        if (search.DateOfBirth is { } dateOfBirth)
        {
            patients = patients.Where(p => p.DateOfBirth == dateOfBirth);
        }

        if (search.Status is { } status)
        {
            patients = patients.Where(p => p.Status == status);
        }

        if (search.PrimaryClinicianId is { } clinicianId)
        {
            patients = patients.Where(p => p.PrimaryClinicianId == clinicianId);
        }

        return patients;
    }

    public static IOrderedQueryable<Patient> SortedBy(this IQueryable<Patient> patients, PatientSort sort, bool descending) => sort switch
    {
        PatientSort.Mrn => Order(patients, p => p.Mrn, descending),
        PatientSort.DateOfBirth => Order(patients, p => p.DateOfBirth, descending).ThenBy(p => p.LegalLastName).ThenBy(p => p.Id),
        PatientSort.Status => Order(patients, StatusRank, descending).ThenBy(p => p.LegalLastName).ThenBy(p => p.Id),
        _ => Then(Order(patients, p => p.LegalLastName, descending), p => p.LegalFirstName, descending).ThenBy(p => p.Id),
    };

    /// <summary>Lower-case words with LIKE's wildcards escaped by <see cref="LikeEscape"/>, at most five.</summary>
    internal static IReadOnlyList<string> NameWords(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? []
            : [.. name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Take(5)
                .Select(w => w.ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                    .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal))];

    /// <summary>
    /// The MRNs a typed MRN stands for: "KAP-000123" or "123" exactly; a start such as "kap-0001" the range
    /// KAP-000100..KAP-000199; anything that cannot begin an MRN, nothing (an empty range).
    /// </summary>
    internal static (string From, string To)? MrnRange(string? mrn)
    {
        const string Prefix = "KAP-";
        if (string.IsNullOrWhiteSpace(mrn))
        {
            return null;
        }

        var text = mrn.Trim().ToUpperInvariant();
        if (text.Length <= 6 && text.All(char.IsAsciiDigit))
        {
            var exact = Prefix + text.PadLeft(6, '0');
            return (exact, exact);
        }

        if (Prefix.StartsWith(text, StringComparison.Ordinal))
        {
            text = Prefix;
        }

        var digits = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..] : null;
        if (digits is null || digits.Length > 6 || !digits.All(char.IsAsciiDigit))
        {
            return ("~", string.Empty); // matches no MRN
        }

        return (Prefix + digits.PadRight(6, '0'), Prefix + digits.PadRight(6, '9'));
    }

    private static IOrderedQueryable<Patient> Order<TKey>(IQueryable<Patient> patients, Expression<Func<Patient, TKey>> key, bool descending) =>
        descending ? patients.OrderByDescending(key) : patients.OrderBy(key);

    private static IOrderedQueryable<Patient> Then<TKey>(IOrderedQueryable<Patient> patients, Expression<Func<Patient, TKey>> key, bool descending) =>
        descending ? patients.ThenByDescending(key) : patients.ThenBy(key);
}
