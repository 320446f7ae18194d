using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Patients;

/// <summary>The app with a counter of the SQL commands EF Core sends.</summary>
public sealed class CountingAppFixture : AppFixture
{
    public SqlCommandCounter Counter { get; } = new();

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.AddSingleton<IInterceptor>(Counter));
}

public sealed class PatientListQueryCountTests(CountingAppFixture fixture) : IClassFixture<CountingAppFixture>
{
    [Fact]
    public async Task The_list_issues_the_same_number_of_sql_commands_for_3_and_for_60_patients()
    {
        var app = fixture.Factory;
        var (client, clinicianId) = await TestUsers.SignedInAsync(app, ClinicRoles.Clinician);
        await TestPatients.AddManyAsync(app, 3, clinicianId, "Countedperson");

        var (getFew, searchFew) = await CountAsync(client);
        await TestPatients.AddManyAsync(app, 57, clinicianId, "Countedperson");
        var (getMany, searchMany) = await CountAsync(client);

        Assert.Equal(getFew, getMany);
        Assert.Equal(searchFew, searchMany);
        Assert.InRange(searchMany, 1, 10);
    }

    private async Task<(int Get, int Search)> CountAsync(HttpClient client)
    {
        var token = await HtmlForms.AntiforgeryTokenAsync(client, "/Patients");

        fixture.Counter.Reset();
        var get = await client.GetAsync("/Patients");
        get.EnsureSuccessStatusCode();
        var getCount = fixture.Counter.Commands.Count;

        fixture.Counter.Reset();
        var search = await client.PostAsync("/Patients", new FormUrlEncodedContent(
        [
            new("Query.Name", "countedperson"), new("sortBy", "Status"), new("__RequestVerificationToken", token),
        ]));
        search.EnsureSuccessStatusCode();
        var html = await search.Content.ReadAsStringAsync();
        Assert.NotEmpty(TestPatients.ListedIds(html));
        return (getCount, fixture.Counter.Commands.Count);
    }
}
