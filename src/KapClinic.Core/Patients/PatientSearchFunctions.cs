namespace KapClinic.Core.Patients;

/// <summary>
/// SQL functions used in patient queries. <c>kap_unaccent</c> is an IMMUTABLE wrapper over PostgreSQL's
/// unaccent (created by a migration) so the same folding builds the stored search column and the search term.
/// </summary>
public static class PatientSearchFunctions
{
    public const string UnaccentFunction = "kap_unaccent";

    /// <summary>Lower-case, accent-free text, computed by PostgreSQL; only usable inside a query.</summary>
    public static string Fold(string text) =>
        throw new InvalidOperationException($"{nameof(Fold)} runs in PostgreSQL only (inside a LINQ query).");

    /// <summary>
    /// How many rows the query matches before its paging (PostgreSQL's <c>count(*) OVER ()</c>), on every row of the
    /// page: one pass over the matches gives the page and the total. Only usable inside a query's projection.
    /// </summary>
    public static int MatchCount() =>
        throw new InvalidOperationException($"{nameof(MatchCount)} runs in PostgreSQL only (inside a LINQ query).");
}
