using KapClinic.Core.Data;
using KapClinic.Core.Notes;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Tests.DataGenerator;

public sealed class GeneratedNoteSignatureTests(GeneratedClinicFixture clinic) : IClassFixture<GeneratedClinicFixture>
{
    [Fact]
    public async Task Signed_preparation_and_integration_notes_match_their_content_hash_as_the_app_computes_it()
    {
        var options = new DbContextOptionsBuilder<KapClinicDbContext>();
        options.UseKapClinicDatabase(clinic.ConnectionString);
        await using var db = new KapClinicDbContext(options.Options);
        var preparation = await db.PreparationSessions.AsNoTracking().Where(n => n.Status == NoteStatus.Signed).Take(20).ToListAsync();
        var integration = await db.IntegrationNotes.AsNoTracking().Include(n => n.Homework).Where(n => n.Status == NoteStatus.Signed).Take(20).ToListAsync();

        Assert.NotEmpty(preparation);
        Assert.NotEmpty(integration);
        Assert.All(preparation, n => Assert.True(n.VerifyHash(), $"preparation note {n.Id}"));
        Assert.All(integration, n => Assert.True(n.VerifyHash(), $"integration note {n.Id}"));
    }
}
