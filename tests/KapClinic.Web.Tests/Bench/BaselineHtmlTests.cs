using KapClinic.Bench.Baseline;

namespace KapClinic.Web.Tests.Bench;

public sealed class BaselineHtmlTests
{
    private static readonly string[] Allergies = ["latex", "penicillin"];

    [Fact]
    public void The_baseline_page_is_a_plain_table_of_the_rows_with_every_value_encoded()
    {
        var html = BaselineHtml.Begin("Patients");
        BaselineHtml.Table(html, "Patients", ["mrn", "name", "born", "archived", "allergies"],
        [
            ["KAP-000001", "Zoë <O'Brien>", new DateTime(1980, 2, 29, 0, 0, 0, DateTimeKind.Unspecified), false, Allergies],
            ["KAP-000002", null, null, true, Array.Empty<string>()],
        ]);

        Assert.Equal(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Patients</title></head><body><h1>Patients</h1>" +
            "<table><caption>Patients</caption><thead><tr><th>mrn</th><th>name</th><th>born</th><th>archived</th><th>allergies</th></tr></thead><tbody>" +
            "<tr><td>KAP-000001</td><td>Zo&#xEB; &lt;O&#x27;Brien&gt;</td><td>1980-02-29 00:00</td><td>no</td><td>latex, penicillin</td></tr>" +
            "<tr><td>KAP-000002</td><td></td><td></td><td>yes</td><td></td></tr>" +
            "</tbody></table></body></html>",
            BaselineHtml.End(html));
    }
}
