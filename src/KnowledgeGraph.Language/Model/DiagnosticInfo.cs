using System.Globalization;
using System.Linq;
using KnowledgeGraph.Language.Diagnostics;

namespace KnowledgeGraph.Language.Model;

/// <summary>
/// A diagnostic as data: the generator makes a compiler diagnostic of it only in its output step, so that models
/// that carry it stay equatable and free of compiler objects; the run-time loader makes a load diagnostic of it.
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

    /// <summary>The message, its arguments in place, as the compiler formats it.</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), Arguments.Cast<object>().ToArray());
}
