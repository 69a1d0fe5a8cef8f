namespace KnowledgeGraph;

/// <summary>How many relations of one type an entity may have, at each end.</summary>
public enum Cardinality
{
    /// <summary>No limit at either end.</summary>
    ManyToMany,

    /// <summary>Each start has one target at most.</summary>
    ManyToOne,

    /// <summary>Each target has one start at most.</summary>
    OneToMany,

    /// <summary>One target a start, one start a target, at most.</summary>
    OneToOne,
}
