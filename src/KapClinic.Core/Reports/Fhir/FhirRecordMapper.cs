using Hl7.Fhir.Model;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using FhirAppointment = Hl7.Fhir.Model.Appointment;
using FhirPatient = Hl7.Fhir.Model.Patient;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>Patient, Encounter (one per session) and Appointment resources.</summary>
public static class FhirRecordMapper
{
    public static FhirPatient Patient(FhirPatientRow row, FhirMapContext map)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(map);
        var patient = new FhirPatient
        {
            Id = FhirIds.Of(row.Id),
            Active = !row.IsArchived,
            Identifier = [new Identifier(map.Options.MrnSystem, row.Mrn)
            {
                Use = Identifier.IdentifierUse.Usual,
                Type = new CodeableConcept(FhirCodes.IdentifierType, "MR", "Medical record number", "MRN"),
            }],
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = row.LegalLastName, Given = [row.LegalFirstName] }],
            BirthDate = row.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Gender = row.Sex switch
            {
                SexAtBirth.Female => AdministrativeGender.Female,
                SexAtBirth.Male => AdministrativeGender.Male,
                SexAtBirth.Intersex => AdministrativeGender.Other,
                _ => null,
            },
        };
        if (!string.IsNullOrWhiteSpace(row.PreferredName) && !string.Equals(row.PreferredName, row.LegalFirstName, StringComparison.Ordinal))
        {
            patient.Name.Add(new HumanName { Use = HumanName.NameUse.Usual, Family = row.LegalLastName, Given = [row.PreferredName] });
        }

        if (row.Phone is { } phone)
        {
            patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, phone));
        }

        if (row.Email is { } email)
        {
            patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, email));
        }

        if (Address(row.Address) is { } address)
        {
            patient.Address.Add(address);
        }

        return patient;
    }

    public static Encounter Encounter(FhirSessionRow row, FhirMapContext map)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(map);
        var end = row.DischargedAt ?? (row.DurationMinutes is { } minutes ? row.OccurredAt.AddMinutes(minutes) : (DateTimeOffset?)null);
        var encounter = new Encounter
        {
            Id = FhirIds.Of(row.Id),
            Status = row.Status == NoteStatus.Signed ? Hl7.Fhir.Model.Encounter.EncounterStatus.Finished : Hl7.Fhir.Model.Encounter.EncounterStatus.InProgress,
            Class = new Coding(FhirCodes.ActCode, "AMB", "ambulatory"),
            Type = [new CodeableConcept { Text = SessionText(row.Kind) }],
            Subject = map.Patient(row.PatientId),
            Participant = [new Encounter.ParticipantComponent { Individual = map.User(row.AuthorId, row.AuthorName) }],
            Period = new Period { StartElement = map.Time(row.OccurredAt), EndElement = end is { } e ? map.Time(e) : null },
        };
        if (row.AppointmentId is { } appointment)
        {
            encounter.Appointment.Add(map.To("Appointment", appointment));
        }

        return encounter;
    }

    public static FhirAppointment Appointment(FhirAppointmentRow row, FhirMapContext map)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(map);
        var appointment = new FhirAppointment
        {
            Id = FhirIds.Of(row.Id),
            Status = row.Status switch
            {
                AppointmentStatus.Booked => FhirAppointment.AppointmentStatus.Booked,
                AppointmentStatus.CheckedIn => FhirAppointment.AppointmentStatus.CheckedIn,
                AppointmentStatus.InProgress => FhirAppointment.AppointmentStatus.Arrived,
                AppointmentStatus.Completed => FhirAppointment.AppointmentStatus.Fulfilled,
                AppointmentStatus.Cancelled => FhirAppointment.AppointmentStatus.Cancelled,
                _ => FhirAppointment.AppointmentStatus.Noshow,
            },
            AppointmentType = new CodeableConcept { Text = AppointmentTypeText.Name(row.Type) },
            Description = AppointmentTypeText.InSentence(row.Type),
            Start = map.Local(row.StartsAt),
            End = map.Local(row.EndsAt),
            MinutesDuration = (int)(row.EndsAt - row.StartsAt).TotalMinutes,
            Created = map.Time(row.CreatedAt).Value,
            Participant =
            [
                new FhirAppointment.ParticipantComponent
                {
                    Actor = map.Patient(row.PatientId), Required = FhirAppointment.ParticipantRequired.Required, Status = ParticipationStatus.Accepted,
                },
                new FhirAppointment.ParticipantComponent
                {
                    Actor = map.User(row.ClinicianId, row.ClinicianName), Required = FhirAppointment.ParticipantRequired.Required, Status = ParticipationStatus.Accepted,
                },
            ],
        };
        if (row.RoomId is { } room)
        {
            appointment.Participant.Add(new FhirAppointment.ParticipantComponent
            {
                Actor = new ResourceReference { Type = "Location", Identifier = new Identifier(map.Options.RoomSystem, FhirIds.Of(room)), Display = row.RoomName },
                Required = FhirAppointment.ParticipantRequired.Required,
                Status = ParticipationStatus.Accepted,
            });
        }

        return appointment;
    }

    private static Address? Address(PostalAddress address)
    {
        if (address is null || (address.Line1 is null && address.Line2 is null && address.City is null && address.Region is null && address.PostalCode is null))
        {
            return null;
        }

        return new Address
        {
            Use = Hl7.Fhir.Model.Address.AddressUse.Home,
            Line = new[] { address.Line1, address.Line2 }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).ToList(),
            City = address.City,
            State = address.Region,
            PostalCode = address.PostalCode,
        };
    }

    private static string SessionText(NoteKind kind) => kind switch
    {
        NoteKind.PreparationSession => "Preparation session",
        NoteKind.DosingSession => "Dosing session",
        _ => "Integration session",
    };
}
