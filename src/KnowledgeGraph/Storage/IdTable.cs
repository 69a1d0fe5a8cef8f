using System;

namespace KnowledgeGraph;

/// <summary>
/// The entities of a graph by id: an open-addressing table of entity ordinals, about 5 bytes an entity
/// where a dictionary takes 28 (the ids themselves are the entities' own strings).
/// </summary>
internal sealed class IdTable
{
    private readonly Entity[] _entities;
    private readonly int[] _slots; // ordinal + 1, 0 for an empty slot

    public IdTable(Entity[] entities)
    {
        _entities = entities;
        // Three slots for every two entities or so: short probe runs with linear probing.
        _slots = new int[Math.Max(4, entities.Length + (entities.Length >> 1) + 1)];
        for (var ordinal = 0; ordinal < entities.Length; ordinal++)
        {
            var slot = Home(entities[ordinal].Id);
            while (_slots[slot] != 0)
            {
                slot = Next(slot);
            }

            _slots[slot] = ordinal + 1;
        }
    }

    /// <summary>The entity with the id, or null.</summary>
    public Entity? Find(string id)
    {
        for (var slot = Home(id); _slots[slot] != 0; slot = Next(slot))
        {
            var entity = _entities[_slots[slot] - 1];
            if (string.Equals(entity.Id, id, StringComparison.Ordinal))
            {
                return entity;
            }
        }

        return null;
    }

    private int Home(string id) => (int)((uint)string.GetHashCode(id, StringComparison.Ordinal) % (uint)_slots.Length);

    private int Next(int slot) => slot + 1 == _slots.Length ? 0 : slot + 1;
}
