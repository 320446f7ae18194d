using KapClinic.Core.Courses;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

/// <summary>
/// The signed-note mechanism: clinical_notes (common columns and the signature; each kind of note adds its own
/// table, table-per-type), note_addenda and note_cosignatures. Triggers in <see cref="ClinicalNotesLocked"/>.
/// </summary>
public sealed class ClinicalNoteConfigurations :
    IEntityTypeConfiguration<ClinicalNote>,
    IEntityTypeConfiguration<NoteAddendum>,
    IEntityTypeConfiguration<NoteCoSignature>
{
    public void Configure(EntityTypeBuilder<ClinicalNote> builder)
    {
        builder.ToTable("clinical_notes", t =>
        {
            t.HasCheckConstraint(
                "ck_clinical_notes_signature",
                "(status = 'Draft' AND signed_at IS NULL AND signed_by IS NULL AND signer_name IS NULL AND signature_meaning IS NULL AND content_hash IS NULL)"
                + " OR (status = 'Signed' AND signed_at IS NOT NULL AND signed_by = author_id AND signer_name IS NOT NULL AND signature_meaning IS NOT NULL AND content_hash IS NOT NULL)");
        });
        builder.UseTptMappingStrategy();
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.SignerName).HasMaxLength(120);
        builder.Property(n => n.SignerCredentials).HasMaxLength(20);
        builder.Property(n => n.SignatureMeaning).HasMaxLength(40);
        builder.Property(n => n.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(n => n.Version).IsRowVersion();
        builder.HasIndex(n => new { n.CourseId, n.Kind, n.OccurredAt });
        builder.HasIndex(n => new { n.PatientId, n.OccurredAt });
        builder.HasIndex(n => new { n.AuthorId, n.CreatedAt }).HasFilter("status = 'Draft'").HasDatabaseName("ix_clinical_notes_drafts_by_author");
        builder.HasOne<Patient>().WithMany().HasForeignKey(n => n.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TreatmentCourse>().WithMany().HasForeignKey(n => n.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Addenda).WithOne().HasForeignKey(a => a.NoteId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(n => n.Addenda).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(n => n.CoSignature).WithOne().HasForeignKey<NoteCoSignature>(c => c.NoteId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(n => n.IsSigned);
        builder.Ignore(n => n.Signature);
        builder.Ignore(n => n.AuditEntityType);
        builder.Ignore(n => n.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<NoteAddendum> builder)
    {
        builder.ToTable("note_addenda");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Text).HasMaxLength(NoteLimits.TextMaxLength).IsRequired();
        builder.Property(a => a.SignerName).HasMaxLength(120).IsRequired();
        builder.Property(a => a.SignerCredentials).HasMaxLength(20);
        builder.Property(a => a.SignatureMeaning).HasMaxLength(40).IsRequired();
        builder.Property(a => a.ContentHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(a => new { a.NoteId, a.SignedAt });
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.Signature);
        builder.Ignore(a => a.AuditEntityType);
        builder.Ignore(a => a.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<NoteCoSignature> builder)
    {
        builder.ToTable("note_cosignatures");
        builder.HasKey(c => c.NoteId);
        builder.Property(c => c.NoteId).ValueGeneratedNever();
        builder.Property(c => c.SignerName).HasMaxLength(120).IsRequired();
        builder.Property(c => c.SignerCredentials).HasMaxLength(20);
        builder.Property(c => c.SignatureMeaning).HasMaxLength(40).IsRequired();
        builder.Property(c => c.NoteContentHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.Signature);
        builder.Ignore(c => c.AuditEntityType);
        builder.Ignore(c => c.AuditEntityId);
    }
}
