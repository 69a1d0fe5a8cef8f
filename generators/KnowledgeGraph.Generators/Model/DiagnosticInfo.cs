using System.Linq;
using Microsoft.CodeAnalysis;

namespace KnowledgeGraph.Generators.Model;

/// <summary>
/// A diagnostic as data: it becomes a <see cref="Diagnostic"/> only in the output step, so that models that
/// carry it stay equatable and free of compiler objects.
/// </summary>
internal sealed record DiagnosticInfo(
    DiagnosticDescriptor Descriptor,
    LocationInfo Location,
    EquatableArray<string> Arguments,
    LocationInfo? AdditionalLocation = null)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, LocationInfo additionalLocation, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray(), additionalLocation);

    public Diagnostic ToDiagnostic() => Diagnostic.Create(
        Descriptor,
        Location.ToLocation(),
        AdditionalLocation is null ? null : new[] { AdditionalLocation.ToLocation() },
        Arguments.Cast<object>().ToArray());
}
