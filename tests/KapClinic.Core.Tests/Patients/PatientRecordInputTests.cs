using KapClinic.Core.Patients;

namespace KapClinic.Core.Tests.Patients;

public sealed class PatientRecordInputTests
{
    [Theory]
    [InlineData("F33.1")]
    [InlineData("f43.10")]
    [InlineData("F32.A")]
    [InlineData("T40.5X1A")]
    [InlineData("F41")]
    public void Well_formed_icd10_codes_are_accepted(string code)
    {
        var result = new DiagnosisInputValidator().Validate(new DiagnosisInput { Icd10Code = code, Description = "Depression" });

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("33.1")]
    [InlineData("F3")]
    [InlineData("U07.1")]
    [InlineData("F33.12345")]
    [InlineData("F33-1")]
    public void Malformed_icd10_codes_are_refused_with_an_example(string code)
    {
        var result = new DiagnosisInputValidator().Validate(new DiagnosisInput { Icd10Code = code, Description = "Depression" });

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(DiagnosisInput.Icd10Code), error.PropertyName);
        Assert.Contains("F33.1", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_medication_needs_a_name_and_a_class()
    {
        var result = new MedicationInputValidator().Validate(new MedicationInput { Dose = "50 mg" });

        Assert.Contains(result.Errors, e => e.PropertyName == nameof(MedicationInput.Name));
        Assert.Contains(result.Errors, e => e.PropertyName == nameof(MedicationInput.Class));
    }

    [Fact]
    public void An_allergy_needs_a_substance()
    {
        var result = new AllergyInputValidator().Validate(new AllergyInput { Reaction = "hives" });

        Assert.Equal(nameof(AllergyInput.Substance), Assert.Single(result.Errors).PropertyName);
    }
}
