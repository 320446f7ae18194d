using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.Core.Scheduling;

/// <summary>Rooms and chairs (Admin). Retired, never deleted; a room with appointments ahead cannot be retired.</summary>
public sealed class RoomService(KapClinicDbContext db, IValidator<RoomInput> validator, TimeProvider clock)
{
    public const string ConflictMessage = "Someone else changed this room after you opened the page; it is shown as it is now.";

    public async Task<Guid> AddAsync(RoomInput input, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var room = new Room(input.Name!, input.Kind!.Value, clock.GetUtcNow());
        db.Rooms.Add(room);
        await SaveAsync(room.Name, cancellationToken);
        return room.Id;
    }

    public async Task UpdateAsync(Guid id, RoomInput input, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var room = await FindAsync(id, input.Version, cancellationToken);
        room.Rename(input.Name!);
        room.ChangeKind(input.Kind!.Value);
        await SaveAsync(room.Name, cancellationToken);
    }

    public async Task RetireAsync(Guid id, uint version, CancellationToken cancellationToken = default)
    {
        var room = await FindAsync(id, version, cancellationToken);
        var now = clock.GetUtcNow();
        var ahead = await db.Appointments.CountAsync(
            a => a.RoomId == id && a.EndsAt > now && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn), cancellationToken);
        if (ahead > 0)
        {
            throw new RuleViolationException(
                $"{room.Name} has {ahead} appointment{(ahead == 1 ? null : "s")} booked ahead. Move {(ahead == 1 ? "it" : "them")} to another room before retiring it.");
        }

        room.Retire();
        await SaveAsync(room.Name, cancellationToken);
    }

    public async Task ReactivateAsync(Guid id, uint version, CancellationToken cancellationToken = default)
    {
        var room = await FindAsync(id, version, cancellationToken);
        room.Reactivate();
        await SaveAsync(room.Name, cancellationToken);
    }

    private async Task<Room> FindAsync(Guid id, uint version, CancellationToken cancellationToken)
    {
        var room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("That room does not exist.");
        if (room.Version != version)
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }

        db.Entry(room).Property(r => r.Version).OriginalValue = version;
        return room;
    }

    private async Task SaveAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(ConflictMessage, ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new RuleViolationException(nameof(RoomInput.Name), $"A room called \"{name}\" already exists; choose another name.");
        }
    }
}
