using System.Reflection;
using System.Text;

namespace Assessments.ApiApproval;

/// <summary>
/// The public surface of an assembly as sorted text, one line per type and member, so that an approval test shows every
/// change to it in the diff of <c>tests/*/PublicApi/*.txt</c>. Set <c>ASSESSMENTS_ACCEPT_API=1</c> to rewrite the file.
/// </summary>
internal static class PublicApi
{
    public static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add(TypeLine(type));
            const BindingFlags Flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = new List<string>();
            foreach (var member in type.GetMembers(Flags))
            {
                if (Describe(type, member) is { } line)
                {
                    members.Add("  " + line);
                }
            }

            members.Sort(StringComparer.Ordinal);
            lines.AddRange(members);
        }

        return string.Join("\n", lines) + "\n";
    }

    /// <summary>Compares with the approved file; on a difference, rewrites it when asked, and fails either way.</summary>
    public static void Verify(Assembly assembly, string approvedPath)
    {
        var actual = Describe(assembly);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";
        if (actual == approved)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("ASSESSMENTS_ACCEPT_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        var added = actual.Split('\n').Except(approved.Split('\n')).Take(20);
        var removed = approved.Split('\n').Except(actual.Split('\n')).Take(20);
        Assert.Fail($"The public API of {assembly.GetName().Name} changed. Review the change, then run the tests once with " +
            $"ASSESSMENTS_ACCEPT_API=1 to write {approvedPath}.\nAdded:\n{string.Join("\n", added)}\nRemoved:\n{string.Join("\n", removed)}");
    }

    private static string TypeLine(Type type)
    {
        string kind;
        if (type.IsEnum)
        {
            kind = "enum";
        }
        else if (type.IsInterface)
        {
            kind = "interface";
        }
        else if (type.IsValueType)
        {
            kind = (type.GetMethod("<Clone>$") is not null || type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null ? "record " : "") + "struct";
        }
        else if (typeof(Delegate).IsAssignableFrom(type))
        {
            kind = "delegate";
        }
        else
        {
            var modifiers = type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "";
            kind = modifiers + (type.GetMethod("<Clone>$") is not null ? "record" : "class");
        }

        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum) && b != typeof(MulticastDelegate))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Order(StringComparer.Ordinal));
        return $"{kind} {Name(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
    }

    private static string? Describe(Type owner, MemberInfo member)
    {
        switch (member)
        {
            case ConstructorInfo c when Visible(c):
                return $"{Access(c)}{(c.IsStatic ? "static " : "")}ctor({Parameters(c)})";
            case MethodInfo m when Visible(m) && !m.IsSpecialName:
                return $"{Access(m)}{Modifiers(m)}{Name(m.ReturnType)} {m.Name}{(m.IsGenericMethod ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : "")}({Parameters(m)})";
            case MethodInfo m when Visible(m) && m.Name.StartsWith("op_", StringComparison.Ordinal):
                return $"{Access(m)}static {Name(m.ReturnType)} {m.Name}({Parameters(m)})";
            case PropertyInfo p:
                var get = p.GetMethod is { } g && Visible(g) ? g : null;
                var set = p.SetMethod is { } s && Visible(s) ? s : null;
                if (get is null && set is null)
                {
                    return null;
                }

                var init = set?.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.Name == "IsExternalInit") == true;
                var accessors = (get is not null ? "get; " : "") + (set is not null ? (init ? "init; " : "set; ") : "");
                var indexer = p.GetIndexParameters() is { Length: > 0 } ix ? "this[" + string.Join(", ", ix.Select(i => Name(i.ParameterType) + " " + i.Name)) + "]" : p.Name;
                return $"{Access((get ?? set)!)}{Modifiers((get ?? set)!)}{Name(p.PropertyType)} {indexer} {{ {accessors}}}";
            case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                if (owner.IsEnum)
                {
                    return f.IsStatic ? $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}" : null;
                }

                return $"{(f.IsFamily ? "protected " : "")}{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}{Name(f.FieldType)} {f.Name}" +
                    (f.IsLiteral ? " = " + Convert.ToString(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture) : "");
            case EventInfo e when e.AddMethod is { } add && Visible(add):
                return $"{Access(add)}event {Name(e.EventHandlerType!)} {e.Name}";
            case Type nested when nested.IsNestedPublic:
                return null; // listed as a type of its own
            default:
                return null;
        }
    }

    private static bool Visible(MethodBase m) => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly;

    private static string Access(MethodBase m) => m.IsPublic ? "" : "protected ";

    private static string Modifiers(MethodInfo m) =>
        m.IsStatic ? "static " : m.IsAbstract && !m.DeclaringType!.IsInterface ? "abstract " : m.IsVirtual && !m.IsFinal && m.GetBaseDefinition() == m && !m.DeclaringType!.IsInterface ? "virtual " : m.GetBaseDefinition() != m ? "override " : "";

    private static string Parameters(MethodBase m) => string.Join(", ", m.GetParameters().Select(p =>
        (p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : p.GetCustomAttributes().Any(a => a.GetType().Name == "ParamArrayAttribute") ? "params " : "") +
        Name(p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType) + " " + p.Name +
        (p.HasDefaultValue ? " = " + (p.DefaultValue is null ? "null" : p.DefaultValue is string text ? "\"" + text + "\"" : Convert.ToString(p.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)) : "")));

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var args = type.GetGenericArguments();
        if (type.IsNested && type.DeclaringType!.IsGenericType)
        {
            args = args[type.DeclaringType.GetGenericArguments().Length..];
        }

        return (tick >= 0 ? name[..tick] : name) + (args.Length > 0 ? "<" + string.Join(", ", args.Select(Name)) + ">" : "");
    }
}
