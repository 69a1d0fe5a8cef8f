using System;
using System.ComponentModel;
using System.Linq;
using System.Reflection;

namespace KnowledgeGraph.Tests.Runtime;

/// <summary>What only generated code uses stays out of IntelliSense, as System.Text.Json hides its metadata services.</summary>
public sealed class PublicSurfaceTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static TheoryData<Type> PlumbingTypes() =>
        [typeof(Traverse), typeof(UniqueValue), typeof(RolePlayer), typeof(DatedValue), typeof(GraphContent), typeof(FactReader), typeof(FactWriter), typeof(GraphFiles)];

    public static TheoryData<Type, string> PlumbingMembers() => new()
    {
        { typeof(Graph), "EntityAt" },
        { typeof(GraphBuilder<>), "Create" },
        { typeof(GraphElement), "CheckConstraints" },
        { typeof(GraphElement), "CollectDates" },
        { typeof(Entity), "CollectKeys" },
        { typeof(Entity), "Copy" },
        { typeof(Entity), "WriteValues" },
        { typeof(Entity), "Targets" },
        { typeof(Entity), "Target" },
        { typeof(Entity), "Origins" },
        { typeof(Entity), "Origin" },
        { typeof(Entity), "Neighbors" },
        { typeof(Entity), "Neighbor" },
        { typeof(Entity), "RelationsWithRole" },
        { typeof(Relation), "CollectRoles" },
        { typeof(Relation), "CollectDates" },
        { typeof(Relation), "Copy" },
        { typeof(Relation), "WriteValues" },
    };

    [Theory]
    [MemberData(nameof(PlumbingTypes))]
    public void Types_for_generated_code_are_hidden(Type type) => Assert.True(IsHidden(type), $"{type.Name} shows in IntelliSense.");

    [Theory]
    [MemberData(nameof(PlumbingMembers))]
    public void Members_for_generated_code_are_hidden(Type type, string name)
    {
        var members = type.GetMembers(Declared).Where(member => member.Name == name).ToList();

        Assert.NotEmpty(members);
        Assert.All(members, member => Assert.True(IsHidden(member), $"{type.Name}.{name} shows in IntelliSense."));
    }

    [Fact]
    public void What_users_call_is_not_hidden()
    {
        Assert.False(IsHidden(typeof(GraphSet<>)));
        Assert.False(IsHidden(typeof(GraphElement)));
        Assert.DoesNotContain(typeof(GraphView).GetMembers(Declared).Where(member => member.Name is "Entities" or "Relations" or "Timeline" or "AsOf" or "Save" or "SaveAsync"), IsHidden);
    }

    private static bool IsHidden(MemberInfo member) =>
        member.GetCustomAttribute<EditorBrowsableAttribute>() is { State: EditorBrowsableState.Never };
}
