using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace S3Client.Options.Internal;

/// <summary>
/// The settings that can be bound into <see cref="S3ClientOptions"/>, read from the options classes themselves (their
/// public settable properties): the source of truth for the unknown-key check at start and for the JSON schema test.
/// Trim- and AOT-safe: each options class is named here with its properties kept for reflection, so only those
/// classes are reflected over. A new options class (a section) is one more <c>Add</c> line below; a new property on a
/// listed class needs nothing. Building fails loudly when a section's class is missing here.
/// </summary>
internal sealed class S3ConfigurationShape
{
    private readonly Dictionary<Type, S3ConfigurationNode> _sections = [];
    private readonly List<(S3ConfigurationNode Node, Type Type, string Where, S3ConfigurationNode Parent)> _pending = [];
    private readonly HashSet<Type> _codeOnly = [];

    /// <summary>The settings of one client section (<c>"S3"</c> or <c>"S3:Clients:{name}"</c>).</summary>
    public static S3ConfigurationNode Client { get; } = new S3ConfigurationShape()
        .Add<S3ClientOptions>()
        .Add<S3RetryOptions>()
        .Add<S3CircuitBreakerOptions>()
        .Add<S3TimeoutOptions>()
        // With the write settings it inherits: they are the defaults of uploads that pass no options.
        .Add<TransferOptions>()
        .Add<S3DiagnosticsOptions>()
        .Add<S3FallbackOptions>()
        .Add<S3FallbackEndpoint>()
        .Add<S3FallbackCacheOptions>()
        // Set in code only: no parameterless constructor, nothing the binder can fill.
        .CodeOnly<S3CustomerKey>()
        .CodeOnly<S3ServerSideEncryption>()
        .Build(typeof(S3ClientOptions));

    /// <summary>Adds an options class whose public settable properties are settings.</summary>
    public S3ConfigurationShape Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>()
    {
        var node = new S3ConfigurationNode(typeof(T).Name);
        foreach (var property in typeof(T).GetProperties())
        {
            // The binder sets public settable properties, and fills get-only sections and lists in place.
            var bindable = property.SetMethod is { IsPublic: true } || (property.GetMethod is { IsPublic: true } && !IsValue(property.PropertyType));
            if (bindable && property.GetIndexParameters().Length == 0 && !IsService(property.PropertyType))
            {
                node.Children[property.Name] = new S3ConfigurationNode(property.Name);
                _pending.Add((node.Children[property.Name], property.PropertyType, $"{typeof(T).Name}.{property.Name}", node));
            }
        }

        _sections[typeof(T)] = node;
        return this;
    }

    /// <summary>Marks a class that properties may have but configuration cannot set: such properties are not settings.</summary>
    public S3ConfigurationShape CodeOnly<T>()
    {
        _codeOnly.Add(typeof(T));
        return this;
    }

    /// <summary>Links each setting to its section, list element or enum names, starting at <paramref name="root"/>.</summary>
    public S3ConfigurationNode Build(Type root)
    {
        var settings = _pending.Where(p => !_codeOnly.Contains(Nullable.GetUnderlyingType(p.Type) ?? p.Type)).ToList();
        foreach (var (node, _, _, parent) in _pending.Except(settings))
        {
            parent.Children.Remove(node.Name);
        }

        foreach (var (node, type, where, _) in settings)
        {
            Describe(node, type, where);
        }

        return _sections[root];
    }

    private void Describe(S3ConfigurationNode node, Type type, string where)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            node.EnumNames = Enum.GetNames(type);
        }
        else if (IsValue(type))
        {
            return;
        }
        else if (_sections.TryGetValue(type, out var section))
        {
            foreach (var child in section.Children)
            {
                node.Children[child.Key] = child.Value;
            }
        }
        else if (type.IsArray)
        {
            node.Element = Describe(type.GetElementType()!, where);
        }
        else if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var arguments = type.GetGenericArguments();
            if (arguments.Length == 2)
            {
                node.Value = Describe(arguments[1], where);
            }
            else
            {
                node.Element = Describe(arguments[0], where);
            }
        }
        else
        {
            throw new InvalidOperationException(
                $"{where} is a section of type {type.Name} that the configuration check does not know: add .Add<{type.Name}>() to {nameof(S3ConfigurationShape)}.{nameof(Client)}.");
        }
    }

    private S3ConfigurationNode Describe(Type type, string where)
    {
        var node = new S3ConfigurationNode("*");
        Describe(node, type, where);
        return node;
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsValueType || type == typeof(string) || type == typeof(Uri) || type == typeof(Version);

    // Set in code only (providers, delegates): the binder skips them, and so does the check.
    private static bool IsService(Type type) =>
        (type.IsInterface && !typeof(IEnumerable).IsAssignableFrom(type)) || typeof(Delegate).IsAssignableFrom(type);
}
