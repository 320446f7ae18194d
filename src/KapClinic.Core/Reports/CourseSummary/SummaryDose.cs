using KapClinic.Core.Courses;

namespace KapClinic.Core.Reports.CourseSummary;

/// <summary>One dose given: when, drug, route, mg, mg/kg (from the weight of the day) and lot.</summary>
public sealed record SummaryDose(Guid CourseId, DateTimeOffset AdministeredAt, DrugKind Drug, AdministrationRoute Route, decimal DoseMg, decimal? MgPerKg, string LotNumber);
