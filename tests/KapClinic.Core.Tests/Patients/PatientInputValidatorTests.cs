using KapClinic.Core.Patients;

namespace KapClinic.Core.Tests.Patients;

public sealed class PatientInputValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static PatientInputValidator Validator(int minimumAge = 18) => new(new PatientValidationContext(Today, minimumAge));

    private static PatientInput Valid() => new()
    {
        LegalFirstName = "Camila",
        LegalLastName = "Núñez",
        DateOfBirth = new DateOnly(1985, 4, 23),
        SexAtBirth = SexAtBirth.Female,
        Phone = "+1 (555) 010-2345",
        Email = "camila@example.org",
        HeightCm = 165.5m,
    };

    private static IReadOnlyList<string> ErrorsFor(PatientInput input, string field, int minimumAge = 18) =>
        [.. Validator(minimumAge).Validate(input).Errors.Where(e => e.PropertyName == field).Select(e => e.ErrorMessage)];

    [Fact]
    public void A_complete_patient_is_valid() => Assert.True(Validator().Validate(Valid()).IsValid);

    [Fact]
    public void Only_names_date_of_birth_and_sex_at_birth_are_required()
    {
        var result = Validator().Validate(new PatientInput());

        Assert.Equal(
            ["DateOfBirth", "LegalFirstName", "LegalLastName", "SexAtBirth"],
            result.Errors.Select(e => e.PropertyName).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("Enter the legal first name, as on an ID document.", result.Errors.Select(e => e.ErrorMessage));
        Assert.Contains("Enter the date of birth.", result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void Names_longer_than_the_column_are_refused_with_the_limit()
    {
        var input = Valid();
        input.LegalLastName = new string('x', Patient.NameMaxLength + 1);

        Assert.Equal([$"The legal last name can be at most {Patient.NameMaxLength} characters."], ErrorsFor(input, "LegalLastName"));
        input.LegalLastName = new string('x', Patient.NameMaxLength);
        Assert.Empty(ErrorsFor(input, "LegalLastName"));
    }

    [Fact]
    public void A_date_of_birth_in_the_future_is_refused_with_one_message()
    {
        var input = Valid();
        input.DateOfBirth = Today.AddDays(1);

        Assert.Equal(["The date of birth cannot be in the future."], ErrorsFor(input, "DateOfBirth"));
    }

    [Fact]
    public void The_patient_is_old_enough_on_their_eighteenth_birthday_and_not_the_day_before()
    {
        var input = Valid();
        input.DateOfBirth = Today.AddYears(-18);
        Assert.Empty(ErrorsFor(input, "DateOfBirth"));

        input.DateOfBirth = Today.AddYears(-18).AddDays(1);
        Assert.Equal(["The patient must be at least 18 years old (the clinic's minimum age)."], ErrorsFor(input, "DateOfBirth"));
    }

    [Fact]
    public void The_minimum_age_comes_from_the_clinic_setting()
    {
        var input = Valid();
        input.DateOfBirth = Today.AddYears(-20);

        Assert.Empty(ErrorsFor(input, "DateOfBirth", minimumAge: 18));
        Assert.Equal(["The patient must be at least 21 years old (the clinic's minimum age)."], ErrorsFor(input, "DateOfBirth", minimumAge: 21));
    }

    [Fact]
    public void A_leap_day_birthday_counts_on_the_28th_of_february_in_other_years()
    {
        var input = Valid();
        input.DateOfBirth = new DateOnly(2008, 2, 29);

        var dayBefore = new PatientInputValidator(new PatientValidationContext(new DateOnly(2026, 2, 27), 18));
        Assert.False(dayBefore.Validate(input).IsValid); // still 17
        var birthday = new PatientInputValidator(new PatientValidationContext(new DateOnly(2026, 2, 28), 18));
        Assert.True(birthday.Validate(input).IsValid);
    }

    [Fact]
    public void A_date_of_birth_more_than_120_years_ago_is_refused_as_a_likely_typo()
    {
        var input = Valid();
        input.DateOfBirth = new DateOnly(1826, 1, 1);

        Assert.Equal(["The date of birth must be within the last 120 years; check the year."], ErrorsFor(input, "DateOfBirth"));
    }

    [Theory]
    [InlineData("555 0102")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("(555) 010-2345")]
    [InlineData("555.010.2345")]
    [InlineData("1234567")] // 7 digits
    [InlineData("12345678901234567890")] // 20 digits
    public void Phone_numbers_in_common_formats_are_accepted(string phone)
    {
        var input = Valid();
        input.Phone = phone;
        input.EmergencyContactName = "Ana";
        input.EmergencyContactPhone = phone;

        Assert.True(Validator().Validate(input).IsValid);
    }

    [Theory]
    [InlineData("123456")] // 6 digits
    [InlineData("123456789012345678901")] // 21 digits
    [InlineData("555-CALL-NOW")]
    [InlineData("555 0102 ext 4")]
    [InlineData("1+555 0102 222")]
    [InlineData("555/0102/22")]
    public void Malformed_phone_numbers_are_refused_with_the_allowed_format(string phone)
    {
        var input = Valid();
        input.Phone = phone;
        input.EmergencyContactName = "Ana";
        input.EmergencyContactPhone = phone;

        Assert.Equal([$"The phone number may contain {PhoneNumbers.Rule}."], ErrorsFor(input, "Phone"));
        Assert.Equal([$"The emergency contact's phone may contain {PhoneNumbers.Rule}."], ErrorsFor(input, "EmergencyContactPhone"));
    }

    [Theory]
    [InlineData("name@example")]
    [InlineData("name.example.org")]
    [InlineData("name@@example.org")]
    [InlineData("na me@example.org")]
    [InlineData("@example.org")]
    [InlineData("name@example.")]
    public void Malformed_email_addresses_are_refused(string email)
    {
        var input = Valid();
        input.Email = email;

        Assert.Equal(["Enter a valid email address, like name@example.org, or leave it empty."], ErrorsFor(input, "Email"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(100.0, true)]
    [InlineData(250.0, true)]
    [InlineData(99.9, false)]
    [InlineData(250.1, false)]
    public void Height_is_optional_and_between_100_and_250_cm(double? height, bool valid)
    {
        var input = Valid();
        input.HeightCm = (decimal?)height;

        Assert.Equal(valid, ErrorsFor(input, "HeightCm").Count == 0);
    }

    [Fact]
    public void An_emergency_contact_needs_both_a_name_and_a_phone()
    {
        var input = Valid();
        input.EmergencyContactName = "Luis Núñez";
        Assert.Equal(["Enter a phone number for the emergency contact, or leave their name empty."], ErrorsFor(input, "EmergencyContactPhone"));

        input.EmergencyContactName = null;
        input.EmergencyContactRelationship = "brother";
        Assert.Equal(["Enter the emergency contact's name, or leave their relationship and phone empty."], ErrorsFor(input, "EmergencyContactName"));
    }

    [Fact]
    public void An_unknown_sex_at_birth_value_is_refused()
    {
        var input = Valid();
        input.SexAtBirth = (SexAtBirth)42;

        Assert.Equal(["Choose the sex assigned at birth from the list."], ErrorsFor(input, "SexAtBirth"));
    }

    [Fact]
    public void Valid_input_becomes_details_with_empty_parts_as_null()
    {
        var input = Valid();
        input.City = "  ";
        input.EmergencyContactName = " Luis ";

        var details = input.ToDetails();

        Assert.Null(details.Address.City);
        Assert.Equal("Luis", details.EmergencyContact.Name);
        Assert.Equal(new DateOnly(1985, 4, 23), details.DateOfBirth);
    }
}
