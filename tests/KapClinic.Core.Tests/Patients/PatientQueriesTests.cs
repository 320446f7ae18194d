using KapClinic.Core.Patients;

namespace KapClinic.Core.Tests.Patients;

public sealed class PatientQueriesTests
{
    [Fact]
    public void Name_search_splits_words_lower_cases_them_and_escapes_like_wildcards() =>
        Assert.Equal(["ana", "100\\%", "o\\_brien", "a\\\\b"], PatientQueries.NameWords("  Ana 100%  O_Brien a\\b "));

    [Fact]
    public void No_name_means_no_name_filter() => Assert.Empty(PatientQueries.NameWords("   "));

    [Theory]
    [InlineData("kap-0001", "KAP-000100", "KAP-000199")]
    [InlineData(" KAP-000123 ", "KAP-000123", "KAP-000123")]
    [InlineData("123", "KAP-000123", "KAP-000123")]
    [InlineData("000123", "KAP-000123", "KAP-000123")]
    [InlineData("ka", "KAP-000000", "KAP-999999")]
    [InlineData("KAP-", "KAP-000000", "KAP-999999")]
    [InlineData("XYZ-1", "~", "")]
    [InlineData("KAP-12a", "~", "")]
    public void Mrn_search_is_the_mrn_its_number_or_the_range_a_start_stands_for(string typed, string from, string to) =>
        Assert.Equal((from, to), PatientQueries.MrnRange(typed));
}
