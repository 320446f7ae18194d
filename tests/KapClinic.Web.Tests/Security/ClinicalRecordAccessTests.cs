using System.Net;
using KapClinic.Core.Courses;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Security;

/// <summary>Screening and courses are the clinical record: clinicians only. Staff and admins get 403.</summary>
public sealed class ClinicalRecordAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Theory]
    [InlineData(ClinicRoles.Staff)]
    [InlineData(ClinicRoles.Admin)]
    public async Task Screening_and_course_pages_refuse_other_roles_with_403(string role)
    {
        var (client, _) = await TestUsers.SignedInAsync(App, role);
        var patientId = await PatientSeed.CreateAsync(App);
        Guid courseId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            courseId = await scope.ServiceProvider.GetRequiredService<TreatmentCourseService>()
                .StartCourseAsync(patientId, DefaultProtocols.IvKetamineId, DateOnly.FromDateTime(DateTime.UtcNow), Guid.NewGuid());
        }

        foreach (var url in new[]
        {
            $"/Patients/{patientId}/Screening",
            $"/Patients/{patientId}/Screening/1",
            $"/Patients/{patientId}/Courses/New",
            $"/Patients/{patientId}/Courses/{courseId}",
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
        }
    }

    [Fact]
    public async Task A_clinician_opens_the_screening_and_the_new_course_page()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Patients/{patientId}/Screening")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Patients/{patientId}/Courses/New")).StatusCode);
    }
}
